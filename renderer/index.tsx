import { createRoot } from "react-dom/client";
import { HOST_GLOBAL, type HostApi } from "../main/contract/hostApi";
import { App } from "./app/App";
import "./app/styles/index.css";

const host = (globalThis as unknown as Record<string, HostApi | undefined>)[HOST_GLOBAL];
const root = document.getElementById("root");
if (root) createRoot(root).render(<App host={host} />);
