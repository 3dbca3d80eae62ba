// The IPC contract between Electron main and the preload, declared once: every
// request the renderer can make (arguments and reply) and every event main
// pushes. Main validates each request's arguments against it (main/node/ipc); the
// preload exposes one method per request. Types and constants only.
import type {
  CurrentSession,
  HostInfo,
  MenuCommand,
  OpenProgress,
  OpenResult,
  ProgramRef,
  RecentFile,
  RunBatch,
  RunEnded,
  RunSettings,
  RunStarted,
  SampleSummary,
  SaveResult,
} from "./hostApi";

interface Request<Args extends readonly unknown[], Reply> {
  readonly args: Args;
  readonly reply: Reply;
}

/** Renderer → main requests (ipcRenderer.invoke / ipcMain.handle). */
export interface IpcRequests {
  readonly info: Request<[], HostInfo>;
  readonly listSamples: Request<[], readonly SampleSummary[]>;
  readonly startRun: Request<[program: ProgramRef, settings: RunSettings], RunStarted>;
  readonly stopRun: Request<[runId: number], void>;
  readonly openTrace: Request<[], OpenResult>;
  /**
   * The paths of the files of a drop, sent by the preload itself from the
   * trusted drop event (never exposed to the page): main opens a dropped path
   * only if a drop granted it.
   */
  readonly grantDroppedPaths: Request<[paths: readonly string[]], void>;
  /** The path of a dropped file (the preload asks webUtils for it). */
  readonly openDroppedPath: Request<[path: string], OpenResult>;
  readonly openRecent: Request<[path: string], OpenResult>;
  readonly recentFiles: Request<[], readonly RecentFile[]>;
  readonly traceChunk: Request<[contentId: number, index: number], Uint8Array>;
  readonly cancelOpen: Request<[], void>;
  readonly pickProgram: Request<[], ProgramRef | undefined>;
  readonly saveTrace: Request<[], SaveResult>;
  readonly exportPerfetto: Request<[], SaveResult>;
  readonly currentSession: Request<[], CurrentSession | undefined>;
}

/** Main → renderer events (webContents.send / ipcRenderer.on). */
export interface IpcEvents {
  readonly runBatch: RunBatch;
  readonly runEnded: RunEnded;
  readonly openProgress: OpenProgress;
  readonly menuCommand: MenuCommand;
}

export type IpcRequestName = keyof IpcRequests;
export type IpcEventName = keyof IpcEvents;
export type IpcArgs<K extends IpcRequestName> = IpcRequests[K]["args"];
export type IpcReply<K extends IpcRequestName> = IpcRequests[K]["reply"];

/** The channel name of each request. */
export const IPC_REQUESTS = {
  info: "chanscope:info",
  listSamples: "chanscope:list-samples",
  startRun: "chanscope:start-run",
  stopRun: "chanscope:stop-run",
  openTrace: "chanscope:open-trace",
  grantDroppedPaths: "chanscope:grant-dropped-paths",
  openDroppedPath: "chanscope:open-dropped-path",
  openRecent: "chanscope:open-recent",
  recentFiles: "chanscope:recent-files",
  traceChunk: "chanscope:trace-chunk",
  cancelOpen: "chanscope:cancel-open",
  pickProgram: "chanscope:pick-program",
  saveTrace: "chanscope:save-trace",
  exportPerfetto: "chanscope:export-perfetto",
  currentSession: "chanscope:current-session",
} as const satisfies { readonly [K in IpcRequestName]: string };

/** The channel name of each event. */
export const IPC_EVENTS = {
  runBatch: "chanscope:run-batch",
  runEnded: "chanscope:run-ended",
  openProgress: "chanscope:open-progress",
  menuCommand: "chanscope:menu-command",
} as const satisfies { readonly [K in IpcEventName]: string };

export const IPC_REQUEST_NAMES = Object.keys(IPC_REQUESTS) as readonly IpcRequestName[];
