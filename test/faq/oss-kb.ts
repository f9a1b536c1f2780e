import type { FaqEntry } from '../../src/core/faq/index.js';

/** A small made-up FAQ of an open-source project's chat group, in Chinese and English. */
export const OSS_KB: FaqEntry[] = [
  { id: 'install', questions: ['怎么安装 OSSChat？', '如何部署 OSSChat'], answer: '运行 npm ci && npm start。' },
  { id: 'wechat-login', questions: ['微信扫码登录失败怎么办', '扫码以后登录不上'], answer: '删除 osschat.memory-card.json 后重新扫码。' },
  { id: 'open-issue', questions: ['怎么在群里开工单', '怎样把聊天记录转成 issue'], answer: '发送「以上五条开工单」。' },
  { id: 'node-version', questions: ['需要什么版本的 Node.js？', 'Node.js 最低版本是多少'], answer: 'Node.js 20 或更新。' },
  { id: 'docker', questions: ['支持 Docker 部署吗', '有没有 Docker 镜像'], answer: '有，见 docker/README.md。' },
  { id: 'license', questions: ['这个项目用什么开源协议', '项目的许可证是什么'], answer: 'Apache-2.0。' },
  { id: 'contribute', questions: ['怎么给项目贡献代码', '如何提交合并请求'], answer: '先读 CONTRIBUTING.md。' },
  { id: 'database', questions: ['支持哪些数据库', '可以用 PostgreSQL 吗'], answer: 'SQLite 和 PostgreSQL。' },
  { id: 'config-file', questions: ['配置文件放在哪里', '配置文件的路径是什么'], answer: '当前目录的 osschat.yaml。' },
  { id: 'npm-mirror', questions: ['npm 安装依赖太慢怎么办', '怎么换国内镜像源'], answer: 'npm config set registry https://registry.npmmirror.com' },
  { id: 'sqlite-build', questions: ['启动时 better-sqlite3 编译失败', 'better-sqlite3 报错装不上'], answer: '安装 build-essential 和 python3。' },
  { id: 'bind-repo', questions: ['怎么把微信群和仓库绑定', '群里如何绑定 GitHub 仓库'], answer: '发送 /bind owner/repo。' },
  { id: 'archive', questions: ['聊天记录可以公开吗', '怎么开启公开归档'], answer: '管理员发送 /archive on。' },
  { id: 'privacy', questions: ['会保存我的手机号吗', '隐私数据怎么处理'], answer: '不保存手机号，昵称会脱敏。' },
  { id: 'release', questions: ['下一个版本什么时候发布', '新版本的发布时间'], answer: '每月第一周。' },
  { id: 'uninstall', questions: ['怎么卸载 OSSChat', '如何彻底卸载'], answer: '删除目录和 data/ 即可。' },
  { id: 'bot-silent', questions: ['为什么机器人不回复', '机器人没有任何反应'], answer: '确认机器人在群里且已登录。' },
  { id: 'en-install', questions: ['How do I install OSSChat on Linux?', 'Linux installation guide'], answer: 'See docs/install-linux.md.' },
  { id: 'en-token', questions: ['Where do I put my GitHub token?', 'How to configure the GitHub token'], answer: 'Set GITHUB_TOKEN in the environment.' },
  { id: 'en-rate-limit', questions: ['Why am I hitting the GitHub rate limit?', 'GitHub API rate limit exceeded'], answer: 'Use a GitHub App instead of a personal token.' },
];
