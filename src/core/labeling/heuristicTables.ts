import { compileKeywordSet, type KeywordTable } from './keywords';

/**
 * Keyword tables of the heuristic labeler: phrase lists (English and Chinese) per tag id. They only need to be
 * right more often than not; the heuristic's confidences say so.
 */

/** Intents in the order they win when several match: a broken program matters more than the word "explain". */
export const INTENT_PRIORITY = ['debug', 'review', 'modify', 'build', 'decide', 'learn'] as const;

const INTENT: KeywordTable<(typeof INTENT_PRIORITY)[number]> = {
  debug: ['fix', 'patch it', 'bug', 'bugs', 'error', 'errors', 'traceback', 'exception', 'crash', 'crashes', 'not working', "doesn't work",
    'does not work', 'fails', 'failing', 'broken', 'wrong output', 'segfault', 'oom', 'stack trace', 'debug', '报错', '修复',
    '错误', '异常', '崩溃', '不工作', '失败', '跑不通'],
  review: ['review', 'code review', 'critique', 'feedback on', 'audit', 'any issues with', '审查', '评审', '点评'],
  modify: ['refactor', 'optimize', 'optimise', 'speed up', 'make it faster', 'rewrite', 'convert', 'migrate', 'clean up',
    'simplify', 'modify', 'rename', '重构', '优化', '改写', '转换', '迁移', '修改'],
  build: ['write', 'create', 'implement', 'build', 'add', 'make a', 'generate', 'develop', 'add a feature', 'add support',
    'script that', 'function that', 'program that', '实现', '写一个', '编写', '创建', '开发', '生成'],
  decide: ['which is better', 'should i use', 'should i', 'compare', 'vs', 'versus', 'pros and cons', 'trade-off',
    'trade-offs', 'tradeoffs', 'choose between', '哪个好', '选哪个', '对比', '比较'],
  // "How is it implemented" asks to understand: the longer phrase wins over build's "implement" at that spot.
  learn: ['explain', 'what is', 'what are', 'what does', 'why', 'how does', 'how do', 'how is', 'difference between', 'meaning of',
    'understand', 'how is it implemented', 'how it works', '解释', '什么是', '为什么', '区别', '原理', '是什么', '如何理解',
    '怎么实现', '如何实现', '怎么', '如何'],
};

const TASK: KeywordTable = {
  'bug-fixing': ['fix', 'patch it', 'bug', 'traceback', 'exception', 'crash', 'broken', 'not working', '修复', '报错', 'oom'],
  'code-explanation': ['explain', 'what does this code', 'walk me through', 'how does this work', 'how is it implemented', '解释',
    '讲解', '怎么实现', '如何实现'],
  'code-refactoring': ['refactor', 'clean up', 'restructure', 'simplify', '重构'],
  'code-optimization': ['optimize', 'optimise', 'faster', 'speed up', 'more efficient', '优化'],
  'testing-task': ['unit test', 'unit tests', 'write tests', 'test cases', 'test case', '单元测试', '测试用例'],
  'code-review-task': ['review', 'code review', '审查', '评审'],
  'feature-implementation': ['implement', 'write a', 'create a', 'build a', 'add a feature', 'add support', 'function that',
    'script that', 'program that', '实现', '写一个', '编写', '开发'],
  'code-translation': ['convert to', 'translate to', 'port to', 'rewrite in', 'convert this', '转换成', '翻译成', '改写成'],
  documentation: ['docstring', 'docstrings', 'documentation', 'readme', 'document this', '文档', '注释'],
  configuration: ['configure', 'configuration', 'config file', 'settings file', '配置'],
  deployment: ['deploy', 'deployment', 'docker-compose', '部署', '上线'],
  'dependency-management': ['dependency', 'dependencies', 'requirements.txt', 'package.json', 'version conflict', '依赖'],
  'code-exploration': ['where is', 'find the', 'locate', 'codebase', 'in the repo', '在哪里', '在哪'],
  'api-design': ['api design', 'design an api', 'design a rest', 'endpoint design', '接口设计'],
  'schema-design': ['schema design', 'table design', 'data model', 'database schema', 'er diagram', '表结构'],
  migration: ['migrate', 'migration', 'upgrade to', '迁移', '升级'],
  'error-handling-task': ['error handling', 'handle errors', 'exception handling', '异常处理'],
  logging: ['logging', 'logger', 'log messages', '日志'],
  monitoring: ['monitoring', 'alerting', 'prometheus', 'grafana', '监控'],
  'performance-analysis': ['profile', 'profiling', 'benchmark', 'bottleneck', '性能分析'],
  'security-audit': ['security audit', 'security review', 'vulnerabilities', '安全审计', '漏洞'],
};

const DOMAIN: KeywordTable = {
  'web-frontend': ['react', 'vue', 'angular', 'svelte', 'css', 'html', 'dom', 'frontend', 'front-end', 'tailwind', '前端', '网页'],
  'web-backend': ['django', 'flask', 'fastapi', 'express', 'spring boot', 'rest api', 'endpoint', 'backend', 'middleware',
    'server-side', '后端'],
  'machine-learning': ['pytorch', 'tensorflow', 'keras', 'neural network', 'model training', 'fine-tune', 'machine learning',
    'deep learning', 'transformer', '机器学习', '深度学习', '神经网络'],
  'data-science': ['pandas', 'dataframe', 'numpy', 'matplotlib', 'data analysis', 'jupyter', 'statistics', '数据分析'],
  devops: ['docker', 'kubernetes', 'k8s', 'ci/cd', 'terraform', 'ansible', 'helm', 'jenkins', 'github actions', '运维'],
  'database-administration': ['postgresql', 'postgres', 'mysql', 'sql server', 'query plan', 'replication', 'database index', '数据库'],
  cybersecurity: ['sql injection', 'xss', 'csrf', 'vulnerability', 'exploit', 'penetration test', '注入', '漏洞', '网络安全', '信息安全'],
  'mobile-development': ['android', 'ios', 'flutter', 'swiftui', 'react native', 'jetpack compose', '移动端', '安卓'],
  'systems-programming': ['malloc', 'pointer', 'syscall', 'linker', 'memory layout', 'system call', '内存管理'],
  'embedded-systems': ['arduino', 'raspberry pi', 'firmware', 'microcontroller', 'stm32', 'esp32', '嵌入式', '单片机'],
  'game-development': ['unity', 'unreal', 'godot', 'game loop', 'sprite', '游戏'],
  blockchain: ['solidity', 'ethereum', 'smart contract', 'web3', 'blockchain', '区块链', '智能合约'],
  'cloud-computing': ['aws', 'lambda function', 's3 bucket', 'gcp', 'azure', 'serverless', '云服务'],
  'cli-tool': ['argparse', 'command-line', 'command line tool', 'cli', '命令行'],
  'competitive-programming': ['leetcode', 'codeforces', 'time complexity', '时间复杂度', '算法题'],
  'natural-language-processing': ['nlp', 'tokenizer', 'tokenization', 'named entity', 'sentiment analysis', '自然语言处理', '分词'],
  'computer-vision': ['opencv', 'image classification', 'object detection', 'yolo', '图像识别', '计算机视觉'],
  'network-programming': ['socket', 'tcp', 'udp', 'http server', 'websocket', '网络编程'],
  'data-engineering': ['etl', 'airflow', 'spark', 'kafka', 'data pipeline', '数据管道'],
  automation: ['automate', 'automation', 'cron', 'web scraping', 'scraper', '自动化', '爬虫'],
  'operating-systems': ['operating system', 'process scheduling', 'virtual memory', '操作系统'],
};

const CONCEPT: KeywordTable = {
  recursion: ['recursion', 'recursive', '递归'],
  concurrency: ['thread', 'threads', 'threading', 'mutex', 'goroutine', 'async', 'await', 'concurrent', 'parallel', 'race condition',
    'deadlock', '并发', '线程', '多线程'],
  algorithms: ['dynamic programming', 'binary search', 'sorting', 'quicksort', 'time complexity', 'o(n)', 'o(n log n)', 'greedy',
    'backtracking', 'dfs', 'bfs', '动态规划', '排序', '二分', '算法'],
  'data-structures': ['linked list', 'hash map', 'hashmap', 'binary tree', 'heap', 'stack', 'queue', 'trie', 'graph', '链表',
    '哈希表', '二叉树', '队列'],
  'object-oriented-programming': ['class', 'inheritance', 'polymorphism', 'encapsulation', '面向对象', '继承'],
  'error-handling': ['try/except', 'try-except', 'try/catch', 'exception handling', 'error handling', '异常处理'],
  'memory-management': ['malloc', 'memory leak', 'garbage collection', 'pointer', 'oom', 'out of memory', '内存泄漏', '内存'],
  ownership: ['borrow checker', 'lifetime', 'lifetimes', 'ownership', '生命周期', '所有权'],
  'type-system': ['generics', 'generic', 'trait', 'traits', 'type hints', 'typescript types', '泛型'],
  iterators: ['generator', 'yield', 'iterator', 'lazy evaluation', 'chunksize', '生成器', '迭代器'],
  testing: ['unit test', 'pytest', 'jest', 'mock', 'test coverage', '单元测试'],
  security: ['sql injection', 'xss', 'csrf', 'authentication', 'authorization', 'jwt', 'oauth', 'encryption', '注入', '认证'],
  'database-concepts': ['transaction', 'index', 'join', 'normalization', 'primary key', 'foreign key', '索引', '事务'],
  'api-protocols': ['rest api', 'graphql', 'grpc', 'websocket', 'http request'],
  caching: ['cache', 'caching', 'redis', 'memoize', 'memoization', 'lru', '缓存'],
  'version-control': ['git', 'merge conflict', 'rebase', 'branch'],
  'ci-cd': ['github actions', 'jenkins', 'ci/cd', 'pipeline', 'gitlab ci'],
  'design-patterns': ['singleton', 'factory pattern', 'observer pattern', 'dependency injection', 'design pattern', '设计模式', '依赖注入'],
  architecture: ['microservice', 'microservices', 'event-driven', 'architecture', '架构'],
  profiling: ['profiler', 'profiling', 'benchmark', 'flame graph'],
  'functional-programming': ['higher-order function', 'pure function', 'immutability', 'functional programming', '函数式'],
};

const CONSTRAINT: KeywordTable = {
  'thread-safe': ['thread-safe', 'thread safe', '线程安全'],
  'no-recursion': ['without recursion', 'no recursion', 'iteratively', '不用递归', '不使用递归'],
  'no-external-dependencies': ['no external dependencies', 'no third-party', 'without libraries', 'standard library only',
    'only the standard library', 'no dependencies', '不使用第三方', '不用第三方'],
  'performance-optimized': ['time complexity o(', 'must be fast', 'as fast as possible', 'low latency', 'high performance',
    '时间复杂度', '高性能'],
  'backward-compatible': ['backward compatible', 'backwards compatible', 'backward compatibility', '向后兼容'],
  idempotent: ['idempotent', '幂等'],
  'type-safe': ['type-safe', 'type safe', 'strongly typed', '类型安全'],
  deterministic: ['deterministic', 'reproducible', '确定性'],
  'lock-free': ['lock-free', 'lockless', 'wait-free', '无锁'],
  portable: ['cross-platform', 'portable', '跨平台'],
  stateless: ['stateless', '无状态'],
  scalable: ['scalable', 'horizontally scale', '可扩展'],
  'gdpr-compliant': ['gdpr'],
  'hipaa-compliant': ['hipaa'],
  'pci-dss-compliant': ['pci dss', 'pci-dss'],
  'offline-capable': ['offline', 'without internet', '离线'],
  accessible: ['wcag', 'screen reader', 'accessible'],
  'fault-tolerant': ['fault-tolerant', 'fault tolerant', 'resilient', '容错'],
  'no-dynamic-allocation': ['no dynamic allocation', 'without malloc', 'no heap allocation'],
};

/** Words that push difficulty up: the reply deals with hard systems problems. */
const HARD: KeywordTable = {
  hard: ['distributed', 'consensus', 'lock-free', 'concurrency', 'kernel', 'compiler', 'memory model', 'race condition', 'raft',
    'sharding', 'allocator', '分布式', '并发', '编译器', '内核'],
};

/** Tables read from the last request, in one pass. */
export const REQUEST_SCAN = compileKeywordSet({ intent: INTENT, task: TASK, domain: DOMAIN, concept: CONCEPT, constraint: CONSTRAINT });
/** Tables read from the reply, in one pass. */
export const REPLY_SCAN = compileKeywordSet({ domain: DOMAIN, concept: CONCEPT, hard: HARD });
