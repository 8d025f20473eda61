// Positions for a tiered graph (the 预案体系: 总体 → 专项 → 部门 → 企业 → 现场处置方案).
//
// One row per tier breaks down once a tier holds more than a handful of plans: a city with a
// special plan per town puts fifty nodes on one line, their circles merge and their labels print
// over each other. Each tier is wrapped into rows of at most PER_ROW nodes instead, centred, and
// the tiers are stacked with a gap, so the chart grows downwards and every label keeps its column.
//
// Once plans are linked into a hierarchy, filing order scatters a plan's children across the
// columns: every parent-child edge then runs diagonally through the labels of the rows between
// them and the chart reads as a web. A linked node is therefore put in the free slot of its tier
// nearest the column of its parents (already placed, in earlier tiers), so an edge mostly runs
// straight down its own column; unlinked nodes fill the remaining slots in their listed order.

export const PER_ROW = 5
export const COLUMN = 180 // layout units between neighbours in a row
export const ROW = 70 // layout units between wrapped rows of one tier
export const TIER_GAP = 40 // extra layout units between tiers

export interface Placed<T> {
  node: T
  x: number
  y: number
}

export interface Links<T> {
  idOf: (n: T) => string
  parentsOf: (n: T) => string[]
}

const xOf = (column: number) => (column - (PER_ROW - 1) / 2) * COLUMN

/** Slot (row, column) per member: linked members nearest their parents' mean column first,
 * then the unlinked in reading order; `late` members (a town's 专项 under the city's 专项, a
 * parent in their own tier) last, nearest their parents once those are placed. */
function slots<T>(
  members: T[],
  wanted: (n: T) => number | null,
  late: (n: T) => boolean,
  onPlace: (n: T, col: number) => void,
): [number, number][] {
  const rows = Math.ceil(members.length / PER_ROW)
  const taken = new Set<number>()
  const out: [number, number][] = new Array(members.length)
  const take = (i: number, row: number, col: number) => {
    taken.add(row * PER_ROW + col)
    out[i] = [row, col]
    onPlace(members[i], col)
  }
  const placeNearest = (pending: number[]) => {
    const linked = pending
      .map((i) => ({ i, col: wanted(members[i]) }))
      .filter((m): m is { i: number; col: number } => m.col !== null)
      .sort((a, b) => a.col - b.col || a.i - b.i)
    for (const { i, col } of linked) {
      let best: [number, number] | null = null
      let bestCost = Infinity
      for (let row = 0; row < rows; row++) {
        for (let c = 0; c < PER_ROW; c++) {
          if (taken.has(row * PER_ROW + c)) continue
          // a column away costs more than a row further down: the edge stays vertical
          const cost = Math.abs(c - col) * rows + row
          if (cost < bestCost) [best, bestCost] = [[row, c], cost]
        }
      }
      if (best) take(i, best[0], best[1])
    }
  }
  let next = 0
  const fill = (pending: number[]) => {
    for (const i of pending) {
      while (taken.has(next)) next++
      take(i, Math.floor(next / PER_ROW), next % PER_ROW)
    }
  }
  const unplaced = (lateToo: boolean) => members.map((_, i) => i).filter((i) => !out[i] && (lateToo || !late(members[i])))
  placeNearest(unplaced(false))
  fill(unplaced(false))
  placeNearest(unplaced(true))
  fill(unplaced(true))
  return out
}

/** Place nodes tier by tier (in `tiers` order; unknown tiers last), wrapping long tiers. */
export function layoutTiers<T>(
  nodes: T[],
  tierOf: (n: T) => string,
  tiers: string[],
  links?: Links<T>,
): { placed: Placed<T>[]; height: number } {
  const order = [...tiers, ...new Set(nodes.map(tierOf).filter((t) => !tiers.includes(t)))]
  const placed: Placed<T>[] = []
  const columnOf = new Map<string, number>()
  const wanted = (n: T): number | null => {
    const cols = (links?.parentsOf(n) ?? []).map((p) => columnOf.get(p)).filter((c): c is number => c !== undefined)
    return cols.length ? cols.reduce((a, b) => a + b, 0) / cols.length : null
  }
  let y = 0
  for (const tier of order) {
    const members = nodes.filter((n) => tierOf(n) === tier)
    if (!members.length) continue
    const ids = new Set(links ? members.map(links.idOf) : [])
    const late = (n: T) => (links?.parentsOf(n) ?? []).some((p) => ids.has(p))
    const where = slots(members, wanted, late, (node, col) => links && columnOf.set(links.idOf(node), col))
    let rows = 0
    members.forEach((node, i) => {
      const [row, col] = where[i]
      rows = Math.max(rows, row + 1)
      placed.push({ node, x: xOf(col), y: y + row * ROW })
    })
    // Rows are centred on x = 0 at full PER_ROW width, so columns line up between rows.
    y += rows * ROW + TIER_GAP
  }
  return { placed, height: Math.max(0, y - ROW - TIER_GAP) }
}
