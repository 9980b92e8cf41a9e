import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { CLOSED_STATUSES, OPEN_STATUSES, isClosed } from "./status";
import { CLOSED_SQL, OPEN_SQL } from "./open-sql";
import { TipStatus } from "../generated/prisma/enums";

const named = (sql: Prisma.Sql) => [...sql.sql.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);

describe("open and closed statuses", () => {
  it("split every status in two, in TypeScript and in SQL alike", () => {
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual(Object.values(TipStatus).sort());
    expect(named(OPEN_SQL)).toEqual([...OPEN_STATUSES]);
    expect(named(CLOSED_SQL)).toEqual([...CLOSED_STATUSES]);
    expect(Object.values(TipStatus).filter(isClosed)).toEqual([...CLOSED_STATUSES]);
  });
});
