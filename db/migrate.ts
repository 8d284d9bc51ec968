// Applies pending migrations to DATABASE_PATH (the server also does this at start-up), then adds the shipped
// official holidays the table lacks (never undoing the admin's corrections or removals).
import { loadShippedHolidays } from "../app/models/calendar.server";
import { openDatabase } from "../app/utils/db.server";

const file = process.env.DATABASE_PATH ?? "data/app.db";
openDatabase(file).$client.close();
const { added } = loadShippedHolidays();
console.log(`migrated ${file}; ${added} shipped holidays added`);
