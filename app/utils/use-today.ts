import { useRouteLoaderData } from "@remix-run/react";
import { type IsoDate, tehranDay } from "./jalali";

/** Today in Tehran as the server's clock has it (the root loader sends it), so the browser agrees with the server. */
export function useToday(): IsoDate {
  const data = useRouteLoaderData<{ today?: IsoDate }>("root");
  // Only an error page can lack the root data; the browser's own clock is the best it has then.
  return data?.today ?? tehranDay(new Date());
}
