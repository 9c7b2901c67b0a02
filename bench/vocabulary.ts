// Vocabulary of the synthetic corpus (bench/corpus.ts): six categories, five hidden topics each.
// Words are written as lemma:class; the class says which inflected forms the generator may write
// (see `inflect` in corpus.ts), so that stories about one topic share stems, not spellings:
//   f  feminine noun in ة     حكومة → حكومات، حكومتها
//   m  masculine noun          اتفاق → اتفاقه، اتفاقها، اتفاقهم
//   mp noun with sound plural  لاعب → لاعبون، لاعبين
//   n  nisba adjective in ي    اقتصادي → اقتصادية، اقتصاديون، اقتصاديين
//   at noun with plural in ات  انتخاب → انتخابات
//   p  invariant (names, loanwords): only proclitics (و، ب، ل) are added
// Topics share some words with their siblings and some tags with other topics, as real news does.

export interface TopicSpec {
  id: string;
  words: string;
  tags: string[];
  /** Tags this topic shares with topics elsewhere. */
  sharedTags?: string[];
}

export interface CategorySpec {
  id: string;
  words: string;
  topics: TopicSpec[];
}

export const CATEGORIES: CategorySpec[] = [
  {
    id: "politics",
    words: "حكومة:f رئيس:m وزير:m قرار:m مسؤول:mp دولة:f سياسي:n أزمة:f مجلس:m أمن:m دولي:n رسمي:n تصريح:at موقف:m",
    topics: [
      { id: "gaza-truce", words: "هدنة:f غزة:p رفح:p معبر:m إغاثة:f أسير:m نازح:mp قصف:m وسيط:m تبادل:m مساعدة:f فلسطيني:n احتلال:m مخيم:at", tags: ["غزة", "فلسطين"], sharedTags: ["الشرق الأوسط"] },
      { id: "ukraine-talks", words: "أوكرانيا:p روسيا:p موسكو:p كييف:p مفاوض:mp محادثة:f تسوية:f جبهة:f عقوبة:f كرملين:p هجوم:m مسيرة:f أوروبي:n سلام:m", tags: ["روسيا", "أوكرانيا"], sharedTags: ["أوروبا"] },
      { id: "elections", words: "انتخاب:at ناخب:mp مرشح:mp صندوق:m اقتراع:m دائرة:f برلماني:n حملة:f تصويت:m نتيجة:f مقعد:m حزب:m ائتلاف:m فرز:m", tags: ["انتخابات", "برلمان"] },
      { id: "arab-diplomacy", words: "قمة:f خارجية:f جامعة:f عربي:n وساطة:f سفير:m سفارة:f دبلوماسي:n بيان:at ختامي:n تعاون:m زيارة:f مبادرة:f مشاورة:f", tags: ["الجامعة العربية", "دبلوماسية"], sharedTags: ["الشرق الأوسط"] },
      { id: "sudan-war", words: "السودان:p الخرطوم:p دارفور:p قتال:m جيش:m دعم:m سريع:m نزوح:m لاجئ:mp مجاعة:f هدنة:f إنساني:n ميليشيا:p الفاشر:p", tags: ["السودان", "أفريقيا"] },
    ],
  },
  {
    id: "economy",
    words: "اقتصاد:m اقتصادي:n سوق:m نمو:m مالي:n استثمار:at شركة:f قطاع:at ميزانية:f تقرير:m ربع:m سنوي:n مليار:m نسبة:f",
    topics: [
      { id: "oil-opec", words: "نفط:m أوبك:p برميل:m إنتاج:m خام:m تحالف:m خفض:m إمداد:at مصفاة:f طاقة:f صادر:at نفطي:n حصة:f منتج:mp", tags: ["النفط", "أوبك"], sharedTags: ["الطاقة"] },
      { id: "interest-rates", words: "فائدة:f بنك:m مركزي:n تضخم:m سعر:m نقدي:n سياسة:f فيدرالي:n اقتراض:m عملة:f دولار:m سيولة:f مصرف:m تشديد:m", tags: ["البنوك المركزية", "التضخم"], sharedTags: ["الاقتصاد العالمي"] },
      { id: "stock-markets", words: "مؤشر:at بورصة:f سهم:m تداول:at مستثمر:mp ارتفاع:m مكسب:m خسارة:f قيمة:f جلسة:f سوقي:n مضاربة:f أرباح:p إدراج:m", tags: ["الأسواق", "البورصة"] },
      { id: "trade-tariffs", words: "تجارة:f رسم:m جمركي:n استيراد:m ميناء:p شحن:m اتفاقية:f حرة:f مصدر:mp سلعة:f حاوية:f تجاري:n تعريفة:f حمائي:n", tags: ["التجارة"], sharedTags: ["الصين", "الاقتصاد العالمي"] },
      { id: "real-estate", words: "عقار:at عقاري:n سكن:m إسكان:m شقة:f إيجار:at مطور:mp مشروع:at وحدة:f سكني:n تمويل:m رهن:m قرض:m بناء:m", tags: ["العقارات"] },
    ],
  },
  {
    id: "sports",
    words: "رياضي:n بطولة:f فريق:m لاعب:mp مدرب:mp موسم:m جمهور:m فوز:m منافسة:f لقب:m نتيجة:f اتحاد:m نجم:m",
    topics: [
      { id: "league", words: "دوري:p نادي:p هدف:m مباراة:f ملعب:m صدارة:f جولة:f حارس:m ركلة:f تعادل:m هداف:mp مهاجم:mp ديربي:p ترتيب:m", tags: ["الدوري"], sharedTags: ["كرة القدم"] },
      { id: "national-team", words: "منتخب:at تصفية:f مونديال:p كأس:p مجموعة:f تأهل:m تشكيلة:f وطني:n معسكر:at ودي:n قائمة:f استدعاء:m مواجهة:f أنصار:p", tags: ["كأس العالم", "المنتخب"], sharedTags: ["كرة القدم"] },
      { id: "athletics", words: "ماراثون:p عداء:mp سباق:at رقم:m قياسي:n ميدالية:f مضمار:m مسافة:f ذهبي:n أولمبي:n تدريب:at كيلومتر:p سرعة:f قفز:m", tags: ["ألعاب القوى", "الأولمبياد"] },
      { id: "tennis", words: "تنس:p مضرب:m إرسال:m نهائي:n ويمبلدون:p تصنيف:m لاعبة:f شوط:m كسر:m مصنف:mp غراند:p سلام:p ملعب:m نقطة:f", tags: ["التنس"] },
      { id: "motorsport", words: "فورمولا:p سيارة:f حلبة:f سائق:mp جائزة:f سباق:at محرك:at لفة:f انطلاق:m صدارة:f إطار:at صيانة:f حظيرة:f بطل:m", tags: ["الفورمولا 1", "رياضة السيارات"] },
    ],
  },
  {
    id: "technology",
    words: "تقني:n تقنية:f شركة:f مستخدم:mp رقمي:n جهاز:m خدمة:f منصة:f تطوير:m ابتكار:at إطلاق:m حوسبة:f برنامج:m",
    topics: [
      { id: "ai", words: "ذكاء:m اصطناعي:n نموذج:m خوارزمية:f روبوت:at بيانات:p تعلم:m آلي:n لغوي:n توليدي:n محادثة:f مساعد:m أخلاقي:n حاسوب:m", tags: ["الذكاء الاصطناعي"], sharedTags: ["التقنية"] },
      { id: "telecom", words: "شبكة:f اتصال:at جيل:m خامس:n تغطية:f برج:m سرعة:f مشغل:at ألياف:p إنترنت:p هاتف:m مشترك:mp باقة:f ترددات:p", tags: ["الاتصالات", "الإنترنت"] },
      { id: "chips", words: "رقاقة:f شريحة:f موصل:at مصنع:m معالج:at تصنيع:m تايوان:p نانومتر:p إلكتروني:n تصدير:m أشباه:p مسبك:m ذاكرة:f قيود:p", tags: ["أشباه الموصلات"], sharedTags: ["الصين"] },
      { id: "cyber", words: "اختراق:at قرصنة:f ثغرة:f حماية:f فدية:f برمجية:f خبيث:n تشفير:m حساب:at أمني:n قراصنة:p تسريب:m احتيال:m سيبراني:n", tags: ["الأمن السيبراني"], sharedTags: ["التقنية"] },
      { id: "smartphones", words: "هاتف:m ذكي:n تطبيق:at تحديث:at شاشة:f كاميرا:p بطارية:f نظام:m تشغيل:m متجر:m إصدار:at ميزة:f معالج:at سماعة:f", tags: ["الهواتف الذكية", "التطبيقات"] },
    ],
  },
  {
    id: "health",
    words: "صحة:f صحي:n طبيب:m مريض:m علاج:m دراسة:f مرض:m باحث:mp طبي:n وقاية:f عيادة:f مستشفى:p خبير:m",
    topics: [
      { id: "flu", words: "إنفلونزا:p لقاح:at فيروس:at موسم:m عدوى:p وباء:m منظمة:f إصابة:f حالة:f تطعيم:m أعراض:p انتشار:m سلالة:f مناعة:f", tags: ["الإنفلونزا", "منظمة الصحة العالمية"] },
      { id: "heart", words: "قلب:m مشي:m دقيقة:f يومي:n ضغط:m دم:m خطر:m نشاط:m بدني:n كوليسترول:p شريان:m جلطة:f لياقة:f وعائي:n", tags: ["صحة القلب", "اللياقة"] },
      { id: "diabetes", words: "سكري:n سكر:m غذاء:m غذائي:n وجبة:f سمنة:f وزن:m إنسولين:p حمية:f سعرة:f نظام:m ألياف:p كربوهيدرات:p مستوى:p", tags: ["السكري", "التغذية"] },
      { id: "mental", words: "نفسي:n اكتئاب:m قلق:m معالج:m نوم:m عزلة:f مراهق:mp شاشة:f اجتماعي:n توتر:m جلسة:f دعم:m سلوك:m إدمان:m", tags: ["الصحة النفسية"] },
      { id: "hospitals", words: "سرير:m ممرض:mp طوارئ:p ميزانية:f رعاية:f تأمين:m جراحة:f وزارة:f كادر:m انتظار:m مستوصف:at إسعاف:m قسم:m عملية:f", tags: ["الرعاية الصحية"] },
    ],
  },
  {
    id: "environment",
    words: "بيئة:f بيئي:n طبيعة:f حماية:f مستدام:n استدامة:f موارد:p نظام:m ناشط:mp كوكب:m مخاطر:p منظمة:f",
    topics: [
      { id: "climate", words: "مناخ:m مناخي:n مؤتمر:at انبعاث:at كربون:m احترار:m تمويل:m تكيف:m اتفاق:m باريس:p كوب:p حرارة:f درجة:f مفاوض:mp", tags: ["تغير المناخ", "كوب 30"] },
      { id: "renewables", words: "شمسي:n طاقة:f محطة:f لوح:m ميغاواط:p متجدد:n رياح:p توربين:at كهرباء:p شبكة:f تخزين:m نظيف:n خلية:f وقود:m", tags: ["الطاقة المتجددة"], sharedTags: ["الطاقة"] },
      { id: "forests", words: "شجرة:f غابة:f مانغروف:p زراعة:f ساحل:m ساحلي:n تشجير:m شتلة:f تنوع:m حيوي:n محمية:f نبات:at تصحر:m طائر:m", tags: ["التشجير", "التنوع البيولوجي"] },
      { id: "water", words: "مياه:p جفاف:m نهر:m سد:m أمطار:p تحلية:f مخزون:m ري:p زراعي:n بحيرة:f شح:p ندرة:f جوفي:n خزان:at", tags: ["المياه", "الجفاف"] },
      { id: "pollution", words: "تلوث:m بلاستيك:p نفايات:p تدوير:m هواء:p جودة:f بحر:m بحري:n مصنع:m كيس:m حظر:m ملوث:at شاطئ:p جسيم:at", tags: ["التلوث", "البحار"] },
    ],
  },
];

/** Newsroom words every story uses, whatever its topic. */
export const GENERAL_WORDS =
  "يوم:m أسبوع:m شهر:m عام:m مصدر:m وكالة:f خبر:m مسؤول:mp جديد:m كبير:m عدد:m مرحلة:f خطة:f إجراء:at منطقة:f مدينة:f بلد:m أمر:m وضع:m جهة:f أول:m مقبل:m حالي:n فترة:f مستوى:p مواطن:mp تطور:at حديث:m مشكلة:f عمل:m سبب:m جانب:m طريق:m";

/** Verbs that open a sentence, in the forms newsrooms write them. */
export const VERBS = [
  "قال", "قالت", "وقال", "وقالت", "يقول", "أعلن", "أعلنت", "وأعلن", "أكد", "أكدت", "وأكد", "ذكر", "ذكرت", "أوضح", "وأوضح", "أشار", "وأشار", "أضاف", "وأضاف", "كشف", "كشفت", "يرى", "توقع", "رجح",
];

/** Function words, in the proportions of running text. */
export const STOP_WORDS = [
  "في", "في", "في", "من", "من", "على", "على", "إلى", "عن", "مع", "أن", "إن", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "قد", "لم", "لن", "ما", "بين", "بعد", "قبل", "خلال", "حيث", "كما", "عند", "منذ", "أو", "ثم", "وقد", "حتى", "كل", "أي", "لا", "هو", "هي", "وفي", "ومن", "وعلى", "إلا", "أيضا", "نحو", "لدى", "عبر", "ضمن", "بشأن", "إنه", "إنها", "أنه", "أنها", "فيما", "بينما",
];

/** Places mentioned across all categories; some become tags on stories of any topic. */
export const PLACES = ["مصر", "السعودية", "الإمارات", "قطر", "الأردن", "المغرب", "العراق", "الكويت", "تونس", "لبنان", "الولايات المتحدة", "الصين", "أوروبا", "الخليج"];
