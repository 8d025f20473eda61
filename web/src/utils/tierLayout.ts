// Positions for a tiered graph (the 预案体系: 总体 → 专项 → 部门 → 企业 → 现场处置方案).
//
// One row per tier breaks down once a tier holds more than a handful of plans: a city with a
// special plan per town puts fifty nodes on one line, their circles merge and their labels print
// over each other. Each tier is wrapped into rows of at most PER_ROW nodes instead, centred, and
// the tiers are stacked with a gap, so the chart grows downwards and every label keeps its column.

export const PER_ROW = 5
export const COLUMN = 180 // layout units between neighbours in a row
export const ROW = 70 // layout units between wrapped rows of one tier
export const TIER_GAP = 40 // extra layout units between tiers

export interface Placed<T> {
  node: T
  x: number
  y: number
}

/** Place nodes tier by tier (in `tiers` order; unknown tiers last), wrapping long tiers. */
export function layoutTiers<T>(nodes: T[], tierOf: (n: T) => string, tiers: string[]): { placed: Placed<T>[]; height: number } {
  const order = [...tiers, ...new Set(nodes.map(tierOf).filter((t) => !tiers.includes(t)))]
  const placed: Placed<T>[] = []
  let y = 0
  for (const tier of order) {
    const members = nodes.filter((n) => tierOf(n) === tier)
    if (!members.length) continue
    for (let start = 0; start < members.length; start += PER_ROW) {
      const row = members.slice(start, start + PER_ROW)
      // Rows are centred on x = 0 at full PER_ROW width, so columns line up between rows.
      row.forEach((node, i) => placed.push({ node, x: (i - (PER_ROW - 1) / 2) * COLUMN, y }))
      y += ROW
    }
    y += TIER_GAP
  }
  return { placed, height: Math.max(0, y - ROW - TIER_GAP) }
}
