/** Words of open-source chat that jieba's stock dictionary splits; added to it on load. */
export const DOMAIN_WORDS: readonly string[] = [
  '开工单', '提工单', '发工单', '微信群', '企业微信', '公众号', '小程序', '代码库', '合并请求',
  '拉取请求', '提交记录', '更新日志', '闪退', '内存泄漏', '依赖包', '包管理器', '镜像源',
  '国内镜像', '中文文档', '贡献指南', '开源协议', '扫码',
];
