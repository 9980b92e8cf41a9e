// nginx in front of two instances on one PostgreSQL, one killed mid-burst (lib/testing/system/cluster.ts).
import { describe, expect, it } from "vitest";
import { runCluster } from "./cluster";
import { printFigures } from "./outcome";
import { sizes } from "./sizes";

describe("cluster behind nginx", () => {
  it("stores every acknowledged delivery once and keeps every live queue whole when an instance dies", async () => {
    const out = await runCluster(sizes().cluster);
    printFigures("cluster: nginx + two instances, one killed mid-burst (postgres)", out.figures);
    expect(out.violations).toEqual([]);
  });
});
