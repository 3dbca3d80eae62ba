// The title of the event list's place: a tab for the events and one for what
// the program printed, with how many lines it printed.

import type { Dispatch, ReactNode } from "react";
import type { TraceModel } from "../../traces/model/index";
import type { UiAction } from "../state/actions";
import type { ListTab } from "../state/uiState";
import { outputCount } from "./outputView";

export function ListTabs({
  model,
  tab,
  dispatch,
  fold,
}: {
  readonly model: TraceModel;
  readonly tab: ListTab;
  readonly dispatch: Dispatch<UiAction>;
  /** The button that folds the bottom panels, when this title is the one that carries it. */
  readonly fold?: ReactNode;
}) {
  const choose = (t: ListTab) => () => dispatch({ type: "listTab/chosen", tab: t });
  return (
    <h2 className="panel-title list-tabs" role="tablist">
      <button type="button" role="tab" className="list-tab" aria-selected={tab === "events"} onClick={choose("events")}>
        Events
      </button>
      <button
        type="button"
        role="tab"
        className="list-tab"
        aria-selected={tab === "output"}
        onClick={choose("output")}
        data-testid="output-tab"
      >
        Output
        <span className="count" data-testid="output-count" title="Lines the program printed">
          {outputCount(model)}
        </span>
      </button>
      {fold !== undefined && <span className="panel-title-end">{fold}</span>}
    </h2>
  );
}
