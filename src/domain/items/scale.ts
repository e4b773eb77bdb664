/** One band of the impact × probability matrix: ratings from `from` up to the next band's `from` minus one. */
export interface Band {
  label: string;
  /** The lowest rating in this band. */
  from: number;
  /** The band's colour, like "#F44336", for the heat map and the sheet. */
  colour: string;
  /** A risk in this band is due for review this many days after its Date Last Updated. */
  reviewDays: number;
}

/** One axis of the matrix: levels 1 to `max`, and the words people may use for them. */
export interface ScaleAxis {
  max: number;
  /** Words for each level, from 1 up (e.g. "Rare" … "Almost certain"). */
  labels?: string[] | undefined;
}

/** The rating scale a board uses: its axes and its bands, lowest first. */
export interface Scale {
  name: string;
  impact: ScaleAxis;
  probability: ScaleAxis;
  bands: Band[];
}
