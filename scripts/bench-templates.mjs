// Benchmark corpus: realistic reports of every type (mri, enmg, csf, lab, note) in English and
// Russian, built from the project's own samples/ and variations of them (numbers, levels, sides,
// dates, negations, sentence order). Deterministic for a seed; each report is 1 to 3 KB (UTF-8).
// Never reads ../shared. Used by scripts/bench-corpus.mjs (csf, lab and note templates, the generator).

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n) => String(n).padStart(2, '0');

function helpers(r) {
  const int = (a, b) => a + Math.floor(r() * (b - a + 1));
  const pick = (list) => list[Math.floor(r() * list.length)];
  const num = (a, b, d = 1) => (a + r() * (b - a)).toFixed(d);
  const date = () => ({ y: int(2019, 2025), m: int(1, 12), d: int(1, 28) });
  const fmtEn = (x) => pick([`${x.d} ${MONTHS_EN[x.m - 1]} ${x.y}`, `${pad(x.d)}/${pad(x.m)}/${x.y}`, `${x.y}-${pad(x.m)}-${pad(x.d)}`]);
  const fmtRu = (x) => `${pad(x.d)}.${pad(x.m)}.${x.y}`;
  const range = (letter, lo, hi, ru = false) => {
    const a = int(lo, hi - 1);
    const b = int(a + 1, Math.min(hi, a + 4));
    const L = ru && letter === 'T' ? pick(['Th', 'Т']) : letter;
    return `${L}${a}-${L}${b}`;
  };
  const shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { int, pick, num, date, fmtEn, fmtRu, range, shuffle, yes: (p = 0.5) => r() < p };
}

const HOSP_EN = ['WESTFIELD GENERAL HOSPITAL', 'NORTHBRIDGE UNIVERSITY HOSPITAL', 'ST ANNE REGIONAL MEDICAL CENTRE', 'RIVERSIDE CLINIC'];
const HOSP_RU = ['Городская клиническая больница № 7', 'Областная клиническая больница', 'НМИЦ гематологии', 'Клиническая больница № 52'];

// Each builder returns { head: string[], body: string[] (shuffled, trimmed to size), tail: string[] }.
const BUILDERS = {
  'mri:en'(h) {
    const lvl = h.range('T', 2, 11);
    const region = h.pick(['THORACIC', 'CERVICAL', 'THORACIC AND LUMBAR', 'WHOLE']);
    const body = [
      `There is a longitudinally extensive T2 hyperintense signal abnormality within the ${h.pick(['dorsal', 'posterior', 'lateral'])} columns of the spinal cord from ${lvl.replace('-', ' to ')}, ${h.pick(['symmetric on axial images ("inverted V")', 'asymmetric, more on the left', 'involving the central grey matter'])}.`,
      h.yes() ? 'The cord is not expanded.' : `The cord is mildly expanded at ${h.range('T', 3, 10)}.`,
      h.yes(0.7) ? 'No enhancement of the cord after contrast.' : `Patchy enhancement of the cord at ${h.range('T', 3, 10)} after gadolinium.`,
      `The conus and cauda equina roots are ${h.pick(['normal, with no nodular or linear root enhancement', 'thickened with smooth linear enhancement'])}.`,
      h.yes(0.7) ? 'Vertebral bone marrow signal is normal.' : 'Diffuse low T1 signal of the vertebral bone marrow, in keeping with marrow infiltration.',
      h.yes(0.8) ? 'No epidural mass, no cord compression.' : `Epidural soft tissue mass at ${h.range('T', 4, 11)} compressing the cord.`,
      h.yes(0.8) ? 'No haemorrhage.' : 'Small focus of blooming on gradient echo, consistent with haemorrhage.',
      `Disc bulges at ${h.range('L', 1, 5)} without canal stenosis.`,
      h.yes() ? 'No cord atrophy.' : `Mild cord atrophy at ${h.range('C', 2, 7)}.`,
      `Vertebral body heights are maintained from ${h.pick(['C2', 'T1'])} to ${h.pick(['L5', 'S1'])}.`,
      'Paravertebral soft tissues are unremarkable.',
      `The ${h.pick(['central canal', 'neural foramina'])} ${h.pick(['is', 'are'])} patent at all levels.`,
    ];
    return {
      head: [`${h.pick(HOSP_EN)} - DEPARTMENT OF RADIOLOGY`, `MRI ${region} SPINE WITH AND WITHOUT CONTRAST`, `Date of examination: ${h.fmtEn(h.date())}`, '',
        `Clinical information: ${h.int(18, 75)}-year-old ${h.pick(['man', 'woman'])} with ${h.pick(['T-ALL', 'B-ALL', 'AML', 'CLL'])} ${h.pick(['in remission', 'on maintenance'])} after intrathecal chemotherapy. ${h.pick(['Progressive leg numbness', 'Unsteady gait', 'Weakness of both legs'])} for ${h.int(2, 9)} weeks.`, '',
        `Technique: ${h.pick(['1.5 T', '3.0 T', '3 T'])}. Sagittal T1, T2 and STIR; axial T2-weighted images from ${h.range('T', 2, 12).replace('-', ' to ')}; sagittal and axial T1 after intravenous gadolinium.`, '', 'Findings:'],
      body,
      tail: ['', 'Impression:', `${h.pick(['Symmetric', 'Longitudinally extensive'])} dorsal column signal change ${lvl} ${h.pick(['without enhancement or swelling', 'with mild swelling'])}. ${h.pick(['Toxic or metabolic myelopathy is favoured', 'Findings are suggestive of subacute combined degeneration'])}; ${h.pick(['leukaemic infiltration is not suggested', 'leukaemic infiltration cannot be excluded'])}.`],
    };
  },
  'mri:ru'(h) {
    const lvl = h.range('T', 2, 11, true);
    const body = [
      `В спинном мозге на уровне ${lvl} определяется протяжённый участок гиперинтенсивного на Т2-ВИ сигнала в ${h.pick(['задних', 'боковых'])} канатиках, ${h.pick(['без накопления контрастного препарата', 'с неоднородным накоплением контрастного препарата'])}.`,
      h.yes() ? 'Утолщения спинного мозга не выявлено.' : `Спинной мозг утолщён на уровне ${h.range('T', 3, 10, true)}.`,
      h.yes() ? 'Признаков атрофии нет.' : `Атрофия спинного мозга на уровне ${h.range('C', 2, 7)}.`,
      `Корешки конского хвоста ${h.pick(['не изменены', 'утолщены, с линейным накоплением контраста'])}.`,
      h.yes(0.7) ? 'Костный мозг тел позвонков без очаговых изменений.' : 'Диффузное снижение сигнала костного мозга тел позвонков на Т1-ВИ (инфильтрация).',
      h.yes(0.8) ? 'Компрессии спинного мозга не выявлено, объёмных образований в позвоночном канале нет.' : `Эпидуральное объёмное образование на уровне ${h.range('T', 4, 11, true)} с компрессией спинного мозга.`,
      `Протрузии межпозвонковых дисков ${h.range('L', 1, 5)} без стеноза позвоночного канала.`,
      'Высота тел позвонков сохранена.',
      h.yes(0.8) ? 'Признаков кровоизлияния нет.' : 'Участок кровоизлияния в веществе спинного мозга.',
      'Паравертебральные мягкие ткани не изменены.',
    ];
    return {
      head: [`${h.pick(HOSP_RU)}, отделение лучевой диагностики`, `МРТ ${h.pick(['шейного и грудного', 'грудного', 'грудного и поясничного'])} отделов позвоночника с контрастным усилением`, `Дата исследования: ${h.fmtRu(h.date())}`, '',
        `Клинические данные: ${h.pick(['острый лимфобластный лейкоз', 'острый миелоидный лейкоз'])}, ${h.pick(['слабость в ногах', 'онемение стоп', 'неустойчивость походки'])} в течение ${h.int(2, 9)} недель.`, '',
        `Методика: МР-томограф ${h.pick(['1,5 Тл', '3,0 Тл'])}. Т1-ВИ, Т2-ВИ и STIR в сагиттальной плоскости, Т2-ВИ в аксиальной плоскости; Т1-ВИ после внутривенного введения контрастного препарата.`, '', 'Описание:'],
      body,
      tail: ['', 'Заключение:', `МР-картина изменений задних канатиков спинного мозга на уровне ${lvl} (миелопатия). ${h.pick(['Нельзя исключить токсический генез.', 'Данных за лейкемическую инфильтрацию нет.', 'Вероятно, метаболический генез.'])}`],
    };
  },
  'enmg:ru'(h) {
    const side = () => h.pick(['справа', 'слева']);
    const nerves = ['N. peroneus', 'N. tibialis', 'N. medianus', 'N. ulnaris'];
    const body = nerves.flatMap((n) => [`${n} ${side()}: амплитуда М-ответа ${h.num(0.8, 9)} мВ (норма > 3,5), СРВ ${h.int(35, 58)} м/с, дистальная латентность ${h.num(2.8, 6.5)} мс.`]);
    body.push(`F-волны с n. tibialis: минимальная латентность ${h.int(45, 50)}-${h.int(51, 58)} мс, ${h.pick(['удлинена с обеих сторон', 'в пределах нормы'])}.`,
      `Сенсорные ответы n. suralis ${h.pick(['с обеих сторон в пределах нормы', 'снижены с обеих сторон', 'не получены слева'])}.`,
      `N. suralis ${side()}: амплитуда ПД ${h.num(2, 20)} мкВ, СРВ ${h.int(38, 55)} м/с.`,
      `Игольчатая ЭМГ m. tibialis anterior ${side()}: ${h.pick(['спонтанная активность не выявлена', 'потенциалы фибрилляций, положительные острые волны'])}.`);
    return {
      head: ['Отделение функциональной диагностики', `Стимуляционная электронейромиография ${h.pick(['нижних', 'верхних и нижних'])} конечностей`, `Дата: ${h.fmtRu(h.date())}`, '', 'Моторные ответы:'],
      body,
      tail: ['', `Заключение: ${h.pick(['признаки двусторонней радикулопатии L5, S1 корешков с демиелинизирующим компонентом', 'признаки аксональной сенсомоторной полинейропатии нижних конечностей', 'электронейромиографических признаков поражения периферических нервов не выявлено'])}. ${h.pick(['Данных за полинейропатию не получено.', 'Данных за радикулопатию нет.'])} ${h.pick(['Проведение по сенсорным волокнам не нарушено.', 'Проведение по сенсорным волокнам снижено.'])}`],
    };
  },
  'enmg:en'(h) {
    const side = () => h.pick(['right', 'left']);
    const nerves = ['Peroneal', 'Tibial', 'Median', 'Ulnar'];
    const body = nerves.map((n) => `${n} nerve (${side()}): CMAP amplitude ${h.num(0.8, 9)} mV (normal > 3.5), conduction velocity ${h.int(35, 58)} m/s, distal latency ${h.num(2.8, 6.5)} ms.`);
    body.push(`F-wave minimal latency (tibial) ${h.int(45, 58)} ms, ${h.pick(['prolonged bilaterally', 'within normal limits'])}.`,
      `Sural SNAP ${h.pick(['normal bilaterally', 'reduced bilaterally', 'absent on the left'])}.`,
      `Sural nerve (${side()}): SNAP amplitude ${h.num(2, 20)} uV, conduction velocity ${h.int(38, 55)} m/s.`,
      `Needle EMG of tibialis anterior (${side()}): ${h.pick(['no spontaneous activity', 'fibrillation potentials and positive sharp waves'])}.`);
    return {
      head: [`${h.pick(HOSP_EN)} - CLINICAL NEUROPHYSIOLOGY`, 'NERVE CONDUCTION STUDIES AND EMG, LOWER LIMBS', `Date: ${h.fmtEn(h.date())}`, '', 'Motor studies:'],
      body,
      tail: ['', `Conclusion: ${h.pick(['bilateral L5 and S1 radiculopathy with a demyelinating component', 'length-dependent axonal sensorimotor polyneuropathy', 'no electrophysiological evidence of peripheral neuropathy'])}. ${h.pick(['No evidence of polyneuropathy.', 'No evidence of radiculopathy.'])} ${h.pick(['Sensory conduction is preserved.', 'Sensory conduction is reduced.'])}`],
    };
  },
};

export { BUILDERS, HOSP_EN, HOSP_RU, helpers };
