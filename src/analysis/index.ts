/** The analysis layer: pure functions over stored events (series, tension, alerts, briefs, groups). */
export {
  dyadSeries,
  explainPoint,
  windowEvents,
  type DyadSeries,
  type SeriesPoint,
  type SeriesOptions,
  type PointExplanation,
} from './series.js';
export { topDyads, type DyadSummary, type TopDyadsOptions } from './top-dyads.js';
export { alerts, type Alert, type AlertOptions } from './alerts.js';
export { tensionFormula, contributions, type Contribution } from './tension.js';
export { periodOf, periodEnd, periodStart, type Interval } from './periods.js';
export { brief, type BriefOptions } from './report.js';
export {
  groupEvents,
  placeEvents,
  sameHappening,
  type EventGroup,
  type GroupableEvent,
  type GroupedEvent,
  type Match,
  type Placement,
} from './grouping.js';
export { groupingRules, loadGroupingRules, type GroupingRules } from './grouping-rules.js';
export { graph, type GraphOptions, type Network, type NetworkEdge, type NetworkNode } from './network.js';
export {
  claimsBoard,
  conflictingFigures,
  type BoardClaim,
  type BoardItem,
  type ClaimsBoardOptions,
} from './claims-board.js';
