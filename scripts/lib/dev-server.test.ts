import { describe, expect, it } from "vitest";
import { nextDevArgs } from "./dev-server";

describe("[DEV] npm run dev", () => {
  it("[DEV] listens on localhost unless HOST says otherwise", () => {
    expect(nextDevArgs({})).toEqual(["dev", "--port", "3000", "--hostname", "localhost"]);
    expect(nextDevArgs({ PORT: "3262", HOST: "0.0.0.0" })).toEqual(["dev", "--port", "3262", "--hostname", "0.0.0.0"]);
  });
});
