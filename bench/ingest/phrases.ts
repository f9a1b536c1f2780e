/** Fragments of what open-source community groups say, in Chinese, English and both at once. */
export const PHRASES = [
  '请问这个版本什么时候发布？',
  '我这边编译报错了，日志贴在下面',
  '升级到 0.28 之后启动不了',
  '文档里好像没写这个参数',
  '谢谢大佬，问题解决了',
  '已经提了 issue，麻烦帮忙看一下',
  '这个 PR 可以合并了吗',
  '今晚的社区会议几点开始？',
  '有人遇到过内存泄漏吗',
  '换成 Node 20 就好了',
  '+1，我也遇到了同样的问题',
  '在 Windows 上复现不了',
  '可以发一下最小复现吗',
  '这个是预期行为，不是 bug',
  'Has anyone tried the new release yet?',
  'I get a segfault when building on arm64',
  'LGTM, merging now',
  'see the docs for the config option',
  'thanks, that fixed it!',
  'Could you share your config file?',
  'CI is red again on main',
  'which version of SQLite are you on?',
  'the migration failed halfway through',
  'works for me on macOS 14',
  '我用的是 docker compose 部署的',
  'roadmap 在 GitHub Discussions 里',
  '周末有空我来 review 一下',
  'ok 👍',
] as const;

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'] as const;
export const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华'] as const;
export const HANDLES = ['alice', 'bob', 'carol', 'dev', 'ops', 'rustacean', 'gopher', 'octocat', 'maintainer', 'newbie'] as const;
export const PROJECTS = ['OSSChat', 'Kysely', 'Hono', 'grammY', 'Wechaty', 'Vite', 'Deno', 'TiDB', 'Apache Doris', 'OpenHarmony'] as const;
