package org.interestlab.data.synthetic;

import java.util.List;
import java.util.Locale;

/**
 * The words and sentence templates of one language. Item titles, descriptions and reviews are
 * built from a topic's vocabulary mixed with generic filler words, so that a bag-of-words model
 * finds the topic signal but not a perfect one: with probability {@code wordLeak} a topic word is
 * taken from another topic, several topic words are ambiguous on purpose (a "museum" is travel
 * and art, a "soundtrack" music and film), and reviews may carry no topic word at all.
 *
 * <p>Topic order is fixed: the first twelve are the base topics, the thirteenth is the emerging one.
 */
abstract class Texts {
  /** Index of the emerging topic in {@link #topicNames()}. */
  static final int EMERGING = 12;
  /** How many base topics the vocabulary has. */
  static final int MAX_BASE_TOPICS = 12;

  private final List<String> names;
  private final List<List<String>> words;
  final double wordLeak;
  final int baseTopics;

  Texts(List<String> names, List<List<String>> words, double wordLeak, int baseTopics) {
    this.names = names;
    this.words = words;
    this.wordLeak = wordLeak;
    this.baseTopics = baseTopics;
  }

  static Texts of(String language, double wordLeak, int baseTopics) {
    return switch (language) {
      case "en" -> new English(wordLeak, baseTopics);
      case "zh" -> new Chinese(wordLeak, baseTopics);
      default -> throw new IllegalArgumentException("language: " + language);
    };
  }

  /** The words and phrases of one topic (index into {@link #topicNames()}). */
  List<String> vocabulary(int topic) {
    return words.get(topic);
  }

  /** All 13 topic names (12 base, then the emerging one). */
  List<String> topicNames() {
    return names;
  }

  /** A word of {@code topic}, or with probability {@code wordLeak} of another base topic in use. */
  String word(SeededRandom rng, int topic) {
    int t = topic;
    if (rng.chance(wordLeak)) {
      t = rng.nextInt(baseTopics);
    }
    return rng.pick(words.get(t));
  }

  /** Two different words of the topic (leaks may still repeat; that is harmless). */
  String[] words(SeededRandom rng, int topic, int count) {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      String w = word(rng, topic);
      for (int tries = 0; tries < 5 && contains(out, i, w); tries++) w = word(rng, topic);
      out[i] = w;
    }
    return out;
  }

  private static boolean contains(String[] a, int n, String w) {
    for (int i = 0; i < n; i++) if (a[i].equals(w)) return true;
    return false;
  }

  abstract String title(SeededRandom rng, int topic, int secondary);

  abstract String description(SeededRandom rng, int topic, int secondary);

  /** A short review of an item of {@code topic} given {@code rating} (1..5). */
  abstract String review(SeededRandom rng, int topic, int rating);

  static final class English extends Texts {
    private static final List<String> ADJECTIVES = List.of(
        "practical", "classic", "fresh", "simple", "modern", "little", "detailed", "honest", "quick",
        "thoughtful", "complete", "essential", "unexpected", "popular", "easy", "new", "great",
        "beautiful", "surprising", "timeless", "bold", "quiet", "ultimate", "everyday", "hidden");
    private static final List<String> FORMS = List.of(
        "guide", "collection", "story", "series", "handbook", "course", "podcast", "kit", "set",
        "bundle", "journal", "edition", "workshop", "magazine", "box set");
    private static final List<String> AUDIENCES = List.of(
        "beginners", "families", "lazy weekends", "busy people", "curious minds", "experts",
        "students", "everyone", "long evenings", "small budgets");
    private static final List<String> POSITIVE = List.of(
        "brilliant", "inspiring", "fun", "useful", "lovely", "clever", "excellent", "charming");
    private static final List<String> NEGATIVE = List.of(
        "boring", "overpriced", "shallow", "confusing", "too long", "repetitive", "dull", "messy",
        "predictable", "slow");

    English(double wordLeak, int baseTopics) {
      super(List.of("travel", "food & cooking", "art", "music", "sports", "technology", "finance",
              "health & fitness", "gaming", "movies & TV", "science", "fashion", "AI art"),
          List.of(
              List.of("beach", "passport", "hostel", "itinerary", "backpacking", "island", "flight",
                  "road trip", "luggage", "mountain village", "city break", "ferry", "train journey",
                  "guesthouse", "souvenir", "old town", "coastline", "visa", "map", "trail", "harbour",
                  "desert", "campsite", "airport lounge", "local market", "sunset", "cruise",
                  "hiking route", "museum", "travel diary"),
              List.of("recipe", "sourdough", "spice", "kitchen", "pasta", "grill", "baking", "dumpling",
                  "sauce", "chef", "noodle", "fermentation", "olive oil", "dessert", "breakfast",
                  "street food", "cast iron pan", "herb", "soup", "curry", "pastry", "vegetable",
                  "knife skills", "tasting menu", "slow cooker", "marinade", "bread", "cheese",
                  "flavour", "seasoning"),
              List.of("painting", "canvas", "gallery", "sculpture", "watercolour", "sketch", "portrait",
                  "brushwork", "museum", "exhibition", "charcoal", "abstract", "printmaking", "oil paint",
                  "pottery", "curator", "still life", "studio", "fresco", "mural", "collage",
                  "colour theory", "easel", "ink drawing", "modernism", "ceramics", "etching",
                  "art history", "landscape painting", "palette"),
              List.of("guitar", "album", "concert", "melody", "piano", "jazz", "vinyl", "chord",
                  "drummer", "orchestra", "playlist", "songwriter", "bass line", "symphony", "festival",
                  "lyrics", "rhythm", "synthesizer", "choir", "violin", "harmony", "live set",
                  "record label", "headphones", "opera", "tempo", "band", "acoustic", "remix",
                  "soundtrack"),
              List.of("football", "marathon", "stadium", "coach", "league", "tennis", "basketball",
                  "goalkeeper", "championship", "cycling", "training camp", "referee", "season ticket",
                  "match", "tournament", "swimming", "rugby", "sprint", "golf", "skiing", "playoff",
                  "team captain", "transfer", "scoreboard", "cricket", "boxing", "world cup", "fan club",
                  "penalty", "athletics"),
              List.of("smartphone", "laptop", "software", "processor", "cloud", "app", "gadget",
                  "battery", "startup", "algorithm", "open source", "network", "robot", "chip",
                  "keyboard", "programming", "server", "smart home", "wearable", "operating system",
                  "database", "developer", "cybersecurity", "touchscreen", "firmware", "router",
                  "code review", "machine learning", "data center", "API"),
              List.of("investing", "stock", "budget", "portfolio", "savings", "mortgage", "interest rate",
                  "dividend", "index fund", "retirement", "tax", "credit card", "bond", "inflation",
                  "bank", "crypto", "pension", "accounting", "market crash", "financial plan", "loan",
                  "compound interest", "broker", "hedge fund", "wealth", "spending", "debt",
                  "exchange rate", "earnings", "valuation"),
              List.of("workout", "yoga", "protein", "running shoes", "gym", "stretching", "meditation",
                  "nutrition", "cardio", "strength training", "sleep", "vitamins", "weight loss",
                  "pilates", "hydration", "physiotherapy", "posture", "heart rate", "mobility",
                  "recovery", "push-up", "fitness tracker", "wellness", "kettlebell", "diet", "calories",
                  "mindfulness", "squat", "personal trainer", "endurance"),
              List.of("console", "controller", "multiplayer", "level", "quest", "boss fight", "esports",
                  "speedrun", "open world", "RPG", "shooter", "strategy game", "indie game", "pixel art",
                  "loot", "dungeon", "co-op", "leaderboard", "patch", "gamepad", "streamer", "save file",
                  "side quest", "puzzle game", "arcade", "character build", "raid", "game engine",
                  "skill tree", "respawn"),
              List.of("film", "director", "episode", "series", "actor", "screenplay", "cinema",
                  "documentary", "sitcom", "thriller", "box office", "trailer", "premiere", "streaming",
                  "season finale", "cast", "drama", "comedy", "sci-fi", "cinematography", "sequel",
                  "horror", "plot twist", "showrunner", "animation", "film festival", "miniseries",
                  "blockbuster", "soundtrack", "popcorn"),
              List.of("physics", "telescope", "experiment", "biology", "chemistry", "galaxy", "genome",
                  "laboratory", "microscope", "evolution", "research paper", "quantum", "fossil",
                  "climate", "molecule", "astronomy", "neuroscience", "particle", "ecology",
                  "hypothesis", "planet", "cell", "vaccine", "mathematics", "black hole", "geology",
                  "data", "theory", "discovery", "element"),
              List.of("dress", "sneakers", "jacket", "runway", "designer", "fabric", "denim", "handbag",
                  "wardrobe", "tailoring", "silk", "accessories", "boutique", "streetwear", "collection",
                  "vintage", "coat", "scarf", "jewellery", "leather", "outfit", "catwalk", "knitwear",
                  "trend", "stylist", "boots", "linen", "sunglasses", "capsule wardrobe", "couture"),
              List.of("prompt", "diffusion model", "text-to-image", "generated image", "latent space",
                  "upscaler", "inpainting", "style transfer", "image generator", "negative prompt",
                  "checkpoint", "fine-tuning", "LoRA", "render", "synthetic portrait",
                  "AI illustration", "prompt engineering", "sampler", "seed value", "denoising",
                  "model weights", "generative art", "ControlNet", "outpainting", "GPU render",
                  "art bot", "concept art", "image model", "AI artist", "neural style")),
          wordLeak, baseTopics);
    }

    /** "a" or "an" before {@code word}, by its first letter (good enough for this vocabulary). */
    private static String withArticle(String word) {
      return ("aeiou".indexOf(word.charAt(0)) >= 0 || word.startsWith("hon") ? "an " : "a ") + word;
    }

    private static String capitalise(String s) {
      return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static final java.util.Set<String> MINOR_WORDS = java.util.Set.of("a", "an", "and", "of", "the", "to");

    /**
     * Title case: the first letter of every word up except minor words after the first; acronyms
     * (RPG, LoRA) are left alone.
     */
    private static String titleCase(String s) {
      String[] parts = s.split(" ", -1);
      StringBuilder b = new StringBuilder(s.length());
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) b.append(' ');
        b.append(i > 0 && MINOR_WORDS.contains(parts[i]) ? parts[i] : capitalise(parts[i]));
      }
      return b.toString();
    }

    @Override
    String title(SeededRandom rng, int topic, int secondary) {
      String[] w = words(rng, topic, 2);
      String second = secondary >= 0 && rng.chance(0.5) ? word(rng, secondary) : w[1];
      String adj = rng.pick(ADJECTIVES);
      String form = rng.pick(FORMS);
      String t = switch (rng.nextInt(5)) {
        case 0 -> adj + " " + w[0];
        case 1 -> "the " + adj + " " + w[0] + " " + form;
        case 2 -> w[0] + " and " + second;
        case 3 -> withArticle(form) + " of " + w[0];
        default -> w[0] + ": " + adj + " " + second;
      };
      return titleCase(t);
    }

    @Override
    String description(SeededRandom rng, int topic, int secondary) {
      String[] w = words(rng, topic, 5);
      if (secondary >= 0) w[2] = word(rng, secondary);
      String adj = rng.pick(ADJECTIVES);
      String form = rng.pick(FORMS);
      String first = switch (rng.nextInt(3)) {
        case 0 -> capitalise(withArticle(adj)) + " " + form + " about " + w[0] + ", " + w[1] + " and " + w[2] + ".";
        case 1 -> capitalise(form) + " on " + w[0] + " and " + w[2] + " for " + rng.pick(AUDIENCES) + ".";
        default -> "Everything about " + w[0] + " and " + w[2] + ", in " + withArticle(adj) + " " + form + ".";
      };
      if (rng.chance(0.4)) return first;
      String second = switch (rng.nextInt(4)) {
        case 0 -> "Includes notes on " + w[3] + " and " + withArticle(rng.pick(ADJECTIVES)) + " look at " + w[4] + ".";
        case 1 -> "Perfect for " + rng.pick(AUDIENCES) + " and anyone into " + w[1] + ".";
        case 2 -> "Written with care, with " + rng.pick(ADJECTIVES) + " ideas on " + w[3] + ".";
        default -> "Comes with " + withArticle(rng.pick(ADJECTIVES)) + " " + w[4] + " section.";
      };
      return first + " " + second;
    }

    @Override
    String review(SeededRandom rng, int topic, int rating) {
      if (rng.chance(0.1)) {
        // Some reviews say nothing about the topic, as real ones often do.
        return rating >= 4 ? rng.pick(List.of("Great value.", "Would buy again.", "Five stars from me."))
            : rating == 3 ? rng.pick(List.of("It was okay.", "Fine, I guess.", "Average."))
            : rng.pick(List.of("Would not buy again.", "Waste of money.", "Not worth it."));
      }
      String[] w = words(rng, topic, 2);
      if (rating >= 4) {
        return switch (rng.nextInt(4)) {
          case 0 -> "Loved the " + w[0] + ".";
          case 1 -> "Great " + w[0] + " and " + rng.pick(POSITIVE) + " " + w[1] + ", would recommend.";
          case 2 -> "Really enjoyed the " + w[0] + "!";
          default -> capitalise(w[0]) + " was " + rng.pick(POSITIVE) + ".";
        };
      }
      if (rating == 3) {
        return switch (rng.nextInt(2)) {
          case 0 -> "Decent " + w[0] + ", nothing special.";
          default -> "Some good " + w[0] + " but a bit " + rng.pick(NEGATIVE) + ".";
        };
      }
      return switch (rng.nextInt(3)) {
        case 0 -> "Not for me, the " + w[0] + " felt " + rng.pick(NEGATIVE) + ".";
        case 1 -> "Disappointing " + w[0] + ".";
        default -> "Too " + rng.pick(NEGATIVE) + " and the " + w[0] + " was weak.";
      };
    }
  }

  static final class Chinese extends Texts {
    private static final List<String> ADJECTIVES = List.of(
        "实用的", "经典的", "新鲜的", "简单的", "现代的", "详细的", "真诚的", "完整的", "必备的", "意想不到的",
        "热门的", "轻松的", "全新的", "精彩的", "美丽的", "大胆的", "安静的", "终极的", "日常的", "小众的");
    private static final List<String> FORMS = List.of(
        "指南", "合集", "故事", "系列", "手册", "课程", "播客", "套装", "礼盒", "日志", "特别版", "工作坊", "杂志");
    private static final List<String> AUDIENCES = List.of(
        "初学者", "家庭", "周末", "上班族", "好奇的人", "专业人士", "学生", "所有人");
    private static final List<String> POSITIVE = List.of(
        "很棒", "精彩", "有趣", "实用", "可爱", "巧妙", "出色", "迷人");
    private static final List<String> NEGATIVE = List.of(
        "无聊", "昂贵", "肤浅", "混乱", "冗长", "重复", "乏味", "杂乱", "老套", "拖沓");

    Chinese(double wordLeak, int baseTopics) {
      super(List.of("旅游", "美食", "艺术", "音乐", "运动", "科技", "财经", "健康健身", "游戏", "影视", "科学",
              "时尚", "AI绘画"),
          List.of(
              List.of("海滩", "护照", "青年旅舍", "行程", "背包旅行", "海岛", "航班", "自驾游", "行李箱", "古镇", "城市漫步",
                  "渡轮", "火车旅行", "民宿", "纪念品", "老街", "海岸线", "签证", "地图", "徒步路线", "港口", "沙漠",
                  "露营地", "机场", "当地市场", "日落", "邮轮", "景点", "博物馆", "旅行日记"),
              List.of("菜谱", "酸面包", "香料", "厨房", "意面", "烧烤", "烘焙", "饺子", "酱汁", "厨师", "面条", "发酵",
                  "橄榄油", "甜点", "早餐", "街头小吃", "铁锅", "香草", "汤", "咖喱", "糕点", "蔬菜", "刀工", "火锅",
                  "慢炖锅", "腌料", "面包", "奶酪", "风味", "调味"),
              List.of("油画", "画布", "画廊", "雕塑", "水彩", "素描", "肖像", "笔触", "博物馆", "展览", "炭笔", "抽象",
                  "版画", "颜料", "陶艺", "策展人", "静物", "工作室", "壁画", "拼贴", "色彩理论", "画架", "水墨",
                  "现代主义", "陶瓷", "书法", "艺术史", "风景画", "调色板", "美术馆"),
              List.of("吉他", "专辑", "演唱会", "旋律", "钢琴", "爵士", "黑胶", "和弦", "鼓手", "交响乐团", "歌单",
                  "词曲作者", "贝斯", "交响曲", "音乐节", "歌词", "节奏", "合成器", "合唱团", "小提琴", "和声", "现场",
                  "唱片公司", "耳机", "歌剧", "节拍", "乐队", "原声", "混音", "配乐"),
              List.of("足球", "马拉松", "体育场", "教练", "联赛", "网球", "篮球", "守门员", "冠军赛", "骑行", "集训",
                  "裁判", "季票", "比赛", "锦标赛", "游泳", "橄榄球", "短跑", "高尔夫", "滑雪", "季后赛", "队长", "转会",
                  "记分牌", "乒乓球", "拳击", "世界杯", "球迷", "点球", "田径"),
              List.of("智能手机", "笔记本电脑", "软件", "处理器", "云计算", "应用", "数码产品", "电池", "创业公司", "算法",
                  "开源", "网络", "机器人", "芯片", "键盘", "编程", "服务器", "智能家居", "可穿戴设备", "操作系统",
                  "数据库", "开发者", "网络安全", "触摸屏", "固件", "路由器", "代码", "机器学习", "数据中心", "接口"),
              List.of("投资", "股票", "预算", "投资组合", "储蓄", "房贷", "利率", "分红", "指数基金", "退休", "税务",
                  "信用卡", "债券", "通货膨胀", "银行", "加密货币", "养老金", "会计", "股市", "理财", "贷款", "复利",
                  "券商", "对冲基金", "财富", "消费", "债务", "汇率", "财报", "估值"),
              List.of("锻炼", "瑜伽", "蛋白质", "跑鞋", "健身房", "拉伸", "冥想", "营养", "有氧运动", "力量训练", "睡眠",
                  "维生素", "减肥", "普拉提", "补水", "理疗", "体态", "心率", "灵活性", "恢复", "俯卧撑", "运动手环",
                  "养生", "壶铃", "饮食", "卡路里", "正念", "深蹲", "私教", "耐力"),
              List.of("游戏机", "手柄", "多人联机", "关卡", "任务", "首领战", "电子竞技", "速通", "开放世界", "角色扮演",
                  "射击游戏", "策略游戏", "独立游戏", "像素风", "装备", "地下城", "合作模式", "排行榜", "更新补丁", "主机",
                  "主播", "存档", "支线任务", "解谜游戏", "街机", "角色养成", "团本", "游戏引擎", "技能树", "复活"),
              List.of("电影", "导演", "剧集", "连续剧", "演员", "剧本", "电影院", "纪录片", "情景喜剧", "惊悚片", "票房",
                  "预告片", "首映", "流媒体", "大结局", "演员阵容", "剧情片", "喜剧", "科幻片", "摄影", "续集", "恐怖片",
                  "反转", "编剧", "动画", "电影节", "迷你剧", "大片", "配乐", "爆米花"),
              List.of("物理", "望远镜", "实验", "生物学", "化学", "星系", "基因组", "实验室", "显微镜", "进化", "论文",
                  "量子", "化石", "气候", "分子", "天文学", "神经科学", "粒子", "生态", "假说", "行星", "细胞", "疫苗",
                  "数学", "黑洞", "地质学", "数据", "理论", "发现", "元素"),
              List.of("连衣裙", "运动鞋", "夹克", "秀场", "设计师", "面料", "牛仔", "手提包", "衣橱", "剪裁", "丝绸",
                  "配饰", "精品店", "街头潮流", "系列", "复古", "大衣", "围巾", "珠宝", "皮革", "穿搭", "T台", "针织",
                  "潮流", "造型师", "靴子", "亚麻", "墨镜", "胶囊衣橱", "高级定制"),
              List.of("提示词", "扩散模型", "文生图", "生成图像", "潜空间", "超分辨率", "局部重绘", "风格迁移", "图像生成器",
                  "反向提示词", "模型权重", "微调", "LoRA", "渲染", "虚拟肖像", "AI插画", "提示工程", "采样器", "随机种子",
                  "去噪", "生成艺术", "ControlNet", "扩图", "显卡渲染", "绘画机器人", "概念设计", "图像模型", "AI画师",
                  "神经风格", "出图")),
          wordLeak, baseTopics);
    }

    @Override
    String title(SeededRandom rng, int topic, int secondary) {
      String[] w = words(rng, topic, 2);
      String second = secondary >= 0 && rng.chance(0.5) ? word(rng, secondary) : w[1];
      String adj = rng.pick(ADJECTIVES);
      String form = rng.pick(FORMS);
      return switch (rng.nextInt(5)) {
        case 0 -> adj + w[0];
        case 1 -> adj + w[0] + form;
        case 2 -> w[0] + "与" + second;
        case 3 -> "关于" + w[0] + "的" + form;
        default -> w[0] + "：" + adj + second;
      };
    }

    @Override
    String description(SeededRandom rng, int topic, int secondary) {
      String[] w = words(rng, topic, 5);
      if (secondary >= 0) w[2] = word(rng, secondary);
      String adj = rng.pick(ADJECTIVES);
      String form = rng.pick(FORMS);
      String first = switch (rng.nextInt(3)) {
        case 0 -> "一份关于" + w[0] + "、" + w[1] + "和" + w[2] + "的" + adj + form + "。";
        case 1 -> "写给" + rng.pick(AUDIENCES) + "的" + form + "，讲" + w[0] + "和" + w[2] + "。";
        default -> "关于" + w[0] + "与" + w[2] + "的一切，都在这本" + adj + form + "里。";
      };
      if (rng.chance(0.4)) return first;
      String second = switch (rng.nextInt(4)) {
        case 0 -> "还介绍了" + w[3] + "，也谈到了" + w[4] + "。";
        case 1 -> "适合喜欢" + w[1] + "的" + rng.pick(AUDIENCES) + "。";
        case 2 -> "用心写成，有不少关于" + w[3] + "的想法。";
        default -> "附有一章" + rng.pick(ADJECTIVES) + w[4] + "。";
      };
      return first + second;
    }

    @Override
    String review(SeededRandom rng, int topic, int rating) {
      if (rng.chance(0.1)) {
        return rating >= 4 ? rng.pick(List.of("性价比不错。", "还会再买。", "五星好评。"))
            : rating == 3 ? rng.pick(List.of("还行吧。", "一般。", "中规中矩。"))
            : rng.pick(List.of("不会再买了。", "浪费钱。", "不值得。"));
      }
      String[] w = words(rng, topic, 2);
      if (rating >= 4) {
        return switch (rng.nextInt(4)) {
          case 0 -> "很喜欢里面的" + w[0] + "。";
          case 1 -> w[0] + "很好，" + w[1] + "也" + rng.pick(POSITIVE) + "，推荐！";
          case 2 -> "非常喜欢这个" + w[0] + "！";
          default -> w[0] + "真" + rng.pick(POSITIVE) + "。";
        };
      }
      if (rating == 3) {
        return switch (rng.nextInt(2)) {
          case 0 -> w[0] + "还行，没什么特别。";
          default -> w[0] + "有些不错，但有点" + rng.pick(NEGATIVE) + "。";
        };
      }
      return switch (rng.nextInt(3)) {
        case 0 -> "不适合我，" + w[0] + "太" + rng.pick(NEGATIVE) + "了。";
        case 1 -> w[0] + "让人失望。";
        default -> "太" + rng.pick(NEGATIVE) + "了，" + w[0] + "也很一般。";
      };
    }
  }
}
