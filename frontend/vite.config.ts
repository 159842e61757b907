import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

// `npm run dev` proxies the API and the WebSocket emulation to a local stack on :8000.
const stack = process.env.TGDESK_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [preact()],
  build: { outDir: "dist", target: "es2020", sourcemap: false },
  server: {
    proxy: {
      "/api": stack,
      "/ws": { target: stack.replace(/^http/, "ws"), ws: true },
    },
  },
  test: {
    environment: "happy-dom",
    globals: true,
    include: ["tests/**/*.test.{ts,tsx}", "src/**/*.test.ts"],
  },
});
