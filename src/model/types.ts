/**
 * The one document shape that flows through Faultline.
 *
 * Ingest turns an input into a {@link RawArticle}; the pipeline's ordered stages fill a
 * {@link Doc} field by field (clean → sentences → mentions → actors → dates → events →
 * claims/relations). All offsets index `Doc.body`, the cleaned text.
 */

/** Formats an ingester can hand to the cleaner. `plain` is kept as is (records, feeds' text). */
export type RawFormat = 'html' | 'text' | 'markdown' | 'plain';

/** What an ingester produces: the raw content plus whatever metadata the container stated. */
export interface RawArticle {
  /** Path, URL, or `file#record-id` for records inside a container (JSONL, feeds). */
  input: string;
  format: RawFormat;
  raw: string;
  /** Metadata stated by the container (JSONL fields, feed item fields, HTTP headers). */
  hints: ArticleHints;
  warnings: string[];
}

export interface ArticleHints {
  id?: string;
  title?: string | null;
  published?: string | null;
  author?: string | null;
  outlet?: string | null;
  url?: string | null;
}

/** The cleaner's output: exactly the article, plus the metadata the page states. */
export interface Cleaned {
  title: string | null;
  /** YYYY-MM-DD, only when the page states it. */
  published: string | null;
  author: string | null;
  outlet: string | null;
  body: string;
  warnings: string[];
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  text: string;
}

export type ActorKind = 'state' | 'person' | 'org' | 'igo' | 'group' | 'place';

/** One surface occurrence of an actor in the body. */
export interface Mention extends Span {
  text: string;
  /** Resolved actor id, or null while unresolved. */
  actorId: string | null;
  sentence: number;
  /** How it was found: gazetteer id, pattern id, coreference rule … */
  rule: string;
}

/** An actor as it appears in one document (the contract's `actors[]`). */
export interface DocActor {
  id: string;
  kind: ActorKind;
  name: string;
  country: string | null;
  role: string | null;
  /** CAMEO sector/agent code when known (GOV, MIL, SPY, …). */
  sector?: string | null;
  mentions: { text: string; start: number; end: number }[];
}

export type DatePrecision = 'day' | 'month' | 'year' | 'decade' | 'century' | 'unknown';

/** A resolved date expression in the body. */
export interface DateExpr extends Span {
  text: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; for ranges the start. */
  value: string;
  /** For ranges ("1992-94"), the end value. */
  end_value?: string | null;
  precision: DatePrecision;
  /** True when the reference date itself was estimated from the text. */
  estimated: boolean;
  rule: string;
}

export type Modality = 'asserted' | 'alleged' | 'denied' | 'hypothetical' | 'negated';

export interface CodedEvent extends Span {
  source: string;
  target: string;
  sourceActor: string | null;
  targetActor: string | null;
  code: string;
  root: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: string | null;
  date: string | null;
  datePrecision: 'day' | 'month' | 'year' | 'unknown';
  modality: Modality;
  quote: string;
  rule: string;
  /** Character span of the trigger word(s) inside body, for `explain`. */
  trigger?: Span;
}

export interface Claim extends Span {
  claimant: string;
  about: string | null;
  text: string;
  quote: string;
  disputedBy: string[];
  kind?: 'accusation' | 'allegation' | 'denial' | 'assurance' | 'statement';
  rule?: string;
}

export type RelationType =
  | 'alliance'
  | 'partnership'
  | 'rivalry'
  | 'dispute'
  | 'trade'
  | 'energy'
  | 'arms_supply'
  | 'intelligence'
  | 'diplomatic_ties';

export interface Relation extends Span {
  a: string;
  b: string;
  type: RelationType;
  since: string | null;
  quote: string;
  rule?: string;
}

/** The pipeline's document: Cleaned plus what each stage adds. */
export interface Doc extends Cleaned {
  input: string;
  url: string | null;
  format: RawFormat;
  /** Reference date used for relative expressions, and whether it was estimated. */
  reference: { date: string | null; estimated: boolean };
  sentences: Sentence[];
  mentions: Mention[];
  actors: DocActor[];
  dates: DateExpr[];
  events: CodedEvent[];
  claims: Claim[];
  relations: Relation[];
}
