// Applies pending migrations to DATABASE_PATH (the server also does this at start-up).
import { openDatabase } from "../app/utils/db.server";

const file = process.env.DATABASE_PATH ?? "data/app.db";
openDatabase(file).$client.close();
console.log(`migrated ${file}`);
