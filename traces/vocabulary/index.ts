// The words chanscope says things in (README.md is the glossary): entity
// labels, the wait phrase, the event phrase, an event's number, time and byte
// formatting, Go's own messages. Environment-neutral: the runtime, the model,
// the CLI and the views all speak through it.

export {
  channelLabel,
  channelLabelOf,
  channelNoun,
  contextLabel,
  goroutineLabel,
  goroutineLabelOf,
  goroutineTag,
  objectLabel,
  objectLabelOf,
  type ChannelFacts,
  type EntityLookup,
  type GoroutineFacts,
  type LabelPlace,
  type ObjectFacts,
} from "./labels";
export {
  selectCasePhrase,
  stateLabel,
  STUCK_FOR_GOOD_PHRASE,
  STUCK_PHRASE,
  wakersPhrase,
  waitChannels,
  waitCyclePhrase,
  waitPhrase,
  waitShortParts,
  waitVerb,
  type CycleStepFacts,
  type MomentLookup,
  type ShortPart,
  type WaitFacts,
  type WaitForm,
} from "./waitPhrase";
export { eventPhrase, syncOpPhrase } from "./eventPhrase";
export { eventNumber } from "./eventNumber";
export { cutMarker, cutText } from "./cutText";
export { oneLine } from "./oneLine";
export { formatBytes, formatTime } from "./units";
export { DEADLOCK_MESSAGE, GOEXIT_DEADLOCK_MESSAGE, goroutineHeader, panicHeadline, SEND_ON_CLOSED_CHANNEL } from "./goMessages";
export {
  ENDING_TAGS,
  ENDING_TITLES,
  MAIN_ENDS_PROGRAM,
  mainReturnedHeadline,
  mainReturnedKind,
  unawaitedWhy,
  type EndingKind,
  type LeftBehind,
} from "./endings";
export { whySentence } from "./sentences";
