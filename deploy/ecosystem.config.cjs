// OSSChat under pm2, from a checkout or an unpacked release:
//   npm ci --omit=dev                      # runtime dependencies only
//   cp osschat.example.yaml osschat.yaml   # then edit it; secrets can go in the environment instead
//   pm2 start deploy/ecosystem.config.cjs && pm2 save && pm2 startup
// The database (./data/osschat.db) and the WeChat login live in the checkout's folder.
const path = require('node:path');

const root = path.join(__dirname, '..');

module.exports = {
  apps: [
    {
      name: 'osschat',
      cwd: root,
      script: path.join(root, 'bin', 'osschat.js'),
      args: ['start'],
      // One process: SQLite has one writer, and the chat account one connection. For several
      // processes, use PostgreSQL and one app per --role (README, "Hosted mode / scale-out").
      exec_mode: 'fork',
      instances: 1,
      env: { NODE_ENV: 'production', OSSCHAT_CONFIG: path.join(root, 'osschat.yaml') },
      // pm2 stops with SIGINT: give the bot time to finish what it holds before SIGKILL.
      kill_timeout: 30_000,
      autorestart: true,
      // A failing start (a wrong token, a missing database) is retried slower and slower, not in a tight loop.
      exp_backoff_restart_delay: 1000,
      // No `time: true`: each log line is pino's JSON with its own time, and a prefix would break jq.
    },
  ],
};
