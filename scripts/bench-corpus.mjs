// The benchmark corpus generator: csf, lab and note templates (after samples/csf-lab-en.txt,
// lab-en.txt, note-ru.txt and patient-demo.jsonl) beside the mri and enmg ones of
// bench-templates.mjs; `generateReports(n)` yields n reports cycling through every type and
// both languages, each 1 to 3 KB of UTF-8.
import { BUILDERS, HOSP_EN, HOSP_RU, helpers, rng } from './bench-templates.mjs';

Object.assign(BUILDERS, {
  'csf:en'(h) {
    const body = [
      `Appearance: ${h.pick(['clear, colourless', 'slightly turbid', 'clear'])}`,
      `Protein: ${h.num(0.15, 1.4, 2)} g/L (0.15-0.45)`,
      `Glucose: ${h.num(2.2, 4.5)} mmol/L`,
      `Cell count: ${h.int(0, 60)} cells/uL`,
      `Red cells: ${h.int(0, 200)} /uL`,
      `Cytology: ${h.pick(['no blast cells seen on cytospin', 'occasional blast cells seen on cytospin', 'blast cells present on cytospin'])}.`,
      `Flow cytometry: ${h.pick(['no abnormal lymphoid population', 'a small abnormal B-lymphoid population (0.3% of events)', 'no leukaemic cells detected'])}.`,
      `Oligoclonal bands: ${h.pick(['not detected', 'present in CSF, absent in serum', 'matched pattern in CSF and serum'])}.`,
      `Lactate: ${h.num(1.1, 3.2)} mmol/L`,
      `Opening pressure: ${h.int(10, 28)} cm H2O`,
      `Gram stain: ${h.pick(['no organisms seen', 'no organisms'])}. Culture: ${h.pick(['no growth at 48 hours', 'pending'])}.`,
    ];
    return {
      head: [`${h.pick(HOSP_EN)} - CLINICAL LABORATORY`, 'CEREBROSPINAL FLUID ANALYSIS', `Collected: ${h.fmtEn(h.date())}`, '', `Specimen: CSF, lumbar puncture (${h.pick(['L3-L4', 'L4-L5'])}), ${h.int(3, 12)} mL.`, ''],
      body,
      tail: ['', `Comment: ${h.pick(['Raised protein with normal cell count (albuminocytological dissociation).', 'Findings do not suggest CNS leukaemic involvement.', 'CNS involvement cannot be excluded; repeat sampling is suggested.'])}`],
    };
  },
  'csf:ru'(h) {
    const body = [
      `Цвет: ${h.pick(['бесцветная', 'бесцветный, прозрачный'])}, прозрачность: ${h.pick(['прозрачная', 'слегка мутная'])}.`,
      `Белок: ${h.num(0.15, 1.4, 2).replace('.', ',')} г/л (норма 0,15-0,45)`,
      `Глюкоза: ${h.num(2.2, 4.5).replace('.', ',')} ммоль/л`,
      `Цитоз: ${h.int(0, 60)} клеток в 1 мкл`,
      `Эритроциты: ${h.int(0, 200)} в 1 мкл`,
      `Цитологическое исследование: ${h.pick(['бластные клетки не обнаружены', 'единичные бластные клетки', 'обнаружены бластные клетки'])}.`,
      `Проточная цитометрия: ${h.pick(['патологическая популяция не выявлена', 'выявлена минорная популяция В-лимфобластов (0,3%)'])}.`,
      `Олигоклональные полосы: ${h.pick(['не обнаружены', 'выявлены в ликворе, в сыворотке отсутствуют'])}.`,
      `Лактат: ${h.num(1.1, 3.2).replace('.', ',')} ммоль/л`,
      `Бактериологическое исследование: ${h.pick(['роста нет', 'в работе'])}.`,
    ];
    return {
      head: [`${h.pick(HOSP_RU)}, клинико-диагностическая лаборатория`, 'Исследование цереброспинальной жидкости (ликвора)', `Дата взятия: ${h.fmtRu(h.date())}`, '', `Материал: ликвор, люмбальная пункция (${h.pick(['L3-L4', 'L4-L5'])}).`, ''],
      body,
      tail: ['', `Заключение: ${h.pick(['белково-клеточная диссоциация.', 'данных за нейролейкоз не получено.', 'нельзя исключить нейролейкоз, рекомендовано повторное исследование.'])}`],
    };
  },
  'lab:en'(h) {
    const row = (name, value, unit, ref, flag = '') => `${name.padEnd(19)}${`${value} ${unit}`.padEnd(15)}${ref.padEnd(12)}${flag}`.trimEnd();
    const b12 = h.int(90, 700);
    const hcy = h.int(6, 45);
    const body = [
      row('Vitamin B12', b12, 'pmol/L', '(180-900)', b12 < 180 ? 'LOW' : ''),
      row('Serum folate', h.num(2, 20), 'ng/mL', '(>3.0)'),
      row('Homocysteine', hcy, 'umol/L', '(5-15)', hcy > 15 ? 'HIGH' : ''),
      row('Copper', h.num(6, 24), 'umol/L', '(11-22)'),
      row('Vitamin E', h.int(8, 45), 'umol/L', '(12-42)'),
      row('Methylmalonic acid', h.num(0.1, 1.2, 2), 'umol/L', '(<0.4)'),
      row('CRP', h.int(1, 60), 'mg/L', '(<5)'),
      row('Haemoglobin', h.int(80, 160), 'g/L', '(130-170)'),
      row('MCV', h.int(78, 112), 'fL', '(80-100)'),
      row('Ferritin', h.int(20, 900), 'ug/L', '(30-400)'),
      `Onconeural antibodies (Hu, Yo, Ri, CV2, Ma2, amphiphysin): ${h.pick(['negative', 'negative', 'anti-Hu positive'])}.`,
      `Aquaporin-4 IgG: ${h.pick(['negative', 'not detected'])}. MOG IgG: ${h.pick(['negative', 'not detected'])}.`,
    ];
    return {
      head: [`${h.pick(HOSP_EN)} - BLOOD SCIENCES`, `Sample date: ${h.fmtEn(h.date())}`, ''],
      body,
      tail: ['', `Authorised by: ${h.pick(['Dr A. Smith', 'Dr J. Patel', 'Dr M. Brown'])}, consultant chemical pathologist.`],
    };
  },
  'lab:ru'(h) {
    const f = (x) => String(x).replace('.', ',');
    const body = [
      `Витамин B12: ${h.int(90, 700)} пмоль/л (норма 180-900)`,
      `Фолиевая кислота: ${f(h.num(2, 20))} нг/мл (норма > 3,0)`,
      `Гомоцистеин: ${h.int(6, 45)} мкмоль/л (норма 5-15)`,
      `Медь: ${f(h.num(6, 24))} мкмоль/л (норма 11-22)`,
      `Витамин Е: ${h.int(8, 45)} мкмоль/л (норма 12-42)`,
      `С-реактивный белок: ${h.int(1, 60)} мг/л (норма < 5)`,
      `Гемоглобин: ${h.int(80, 160)} г/л (норма 130-170)`,
      `Ферритин: ${h.int(20, 900)} мкг/л (норма 30-400)`,
      `Антинейрональные антитела (Hu, Yo, Ri, CV2, Ma2, амфифизин): ${h.pick(['не обнаружены', 'отрицательно', 'выявлены анти-Hu'])}.`,
      `Антитела к аквапорину-4: ${h.pick(['не обнаружены', 'отрицательно'])}.`,
      `Метилмалоновая кислота: ${f(h.num(0.1, 1.2, 2))} мкмоль/л (норма < 0,4)`,
    ];
    return {
      head: [`${h.pick(HOSP_RU)}, клинико-диагностическая лаборатория`, 'Биохимическое исследование крови', `Дата взятия: ${h.fmtRu(h.date())}`, ''],
      body,
      tail: ['', `Врач КДЛ: ${h.pick(['Иванова А. С.', 'Петров И. В.', 'Смирнова Е. Н.'])}`],
    };
  },
  'note:en'(h) {
    const d = h.date();
    const body = [
      `${h.pick(['B-ALL', 'T-ALL', 'AML'])} in ${h.pick(['first', 'second'])} remission. Received ${h.pick(['triple intrathecal therapy (methotrexate, cytarabine, hydrocortisone)', 'intrathecal methotrexate', 'intrathecal cytarabine'])} during ${h.pick(['consolidation', 'induction', 'maintenance'])}; last dose ${h.int(2, 10)} weeks ago.`,
      h.yes() ? 'No spinal radiotherapy.' : `Craniospinal irradiation ${h.int(18, 24)} Gy in ${d.y - 1}.`,
      `Since ${h.pick(['early', 'late', 'mid'])} ${h.pick(['January', 'March', 'June', 'October'])} ${h.pick(['he', 'she'])} notes ${h.pick(['tingling in both feet', 'numbness of the legs', 'difficulty walking in the dark'])}.`,
      `On examination: ${h.pick(['mild spastic paraparesis', 'reduced vibration sense to the knees', 'positive Romberg sign'])}, ${h.pick(['brisk knee jerks', 'absent ankle jerks'])}, ${h.pick(['extensor plantars', 'flexor plantars'])}.`,
      `Sensory level at ${h.pick(['T6', 'T8', 'T10', 'none'])}. ${h.pick(['No bladder symptoms.', 'Urinary urgency for two weeks.'])}`,
      `Medications: ${h.pick(['mercaptopurine, methotrexate weekly', 'vincristine, dexamethasone', 'no current chemotherapy'])}. ${h.pick(['Nitrous oxide exposure denied.', 'No nitrous oxide use.'])}`,
      `Previous bloods: vitamin B12 ${h.int(120, 600)} pmol/L, folate ${h.num(3, 18)} ng/mL.`,
      `Plan: ${h.pick(['MRI of the whole spine with contrast', 'MRI of the thoracic spine'])}, CSF examination, vitamin B12 and homocysteine${h.yes() ? ', nerve conduction studies' : ''}.`,
      `Review in ${h.int(1, 6)} weeks with results.`,
    ];
    return {
      head: [`${h.pick(HOSP_EN)} - HAEMATOLOGY CLINIC`, 'FOLLOW-UP NOTE', `Date: ${h.fmtEn(d)}`, ''],
      body,
      tail: ['', `${h.pick(['Dr A. Smith', 'Dr J. Patel'])}, haematology registrar.`],
    };
  },
  'note:ru'(h) {
    const y = h.int(2021, 2025);
    const body = [
      `Жалобы на ${h.pick(['онемение стоп', 'слабость в ногах', 'неустойчивость при ходьбе'])} с ${h.pick(['начала марта', 'конца января', 'середины октября'])} ${y} г.`,
      `Анамнез: ${h.pick(['острый лимфобластный лейкоз', 'острый миелоидный лейкоз'])} с ${y - 2} г. Проводились эндолюмбальные введения (${h.pick(['метотрексат, цитарабин, дексаметазон', 'метотрексат', 'цитарабин'])}), последнее — ${h.int(2, 10)} недель назад.`,
      h.yes() ? 'Лучевая терапия не проводилась.' : `Краниоспинальное облучение ${h.int(18, 24)} Гр в ${y - 1} г.`,
      `Неврологический статус: ${h.pick(['нижний парапарез до 4 баллов', 'нижний спастический парапарез'])}, ${h.pick(['снижение вибрационной чувствительности в стопах', 'гипестезия с уровня Th10'])}, ${h.pick(['сенситивная атаксия', 'походка не нарушена'])}.`,
      `Сухожильные рефлексы ${h.pick(['оживлены', 'снижены'])}, ${h.pick(['патологические стопные знаки с обеих сторон', 'патологических знаков нет'])}.`,
      `Тазовые функции ${h.pick(['контролирует', 'императивные позывы'])}.`,
      `Принимает: ${h.pick(['меркаптопурин, метотрексат', 'поддерживающая терапия не проводится'])}.`,
      `Рекомендовано: МРТ ${h.pick(['грудного отдела', 'всего'])} позвоночника с контрастированием, исследование ликвора, витамин B12 и гомоцистеин.`,
    ];
    return {
      head: ['Консультация невролога', `Дата приёма: ${h.fmtRu({ y, m: h.int(1, 12), d: h.int(1, 28) })}`, ''],
      body,
      tail: ['', `Врач-невролог ${h.pick(['Иванова А. С.', 'Петров И. В.'])}`],
    };
  },
});

export const KINDS = Object.keys(BUILDERS).sort();
const MIN_BYTES = 1024;
const MAX_BYTES = 3072;

/** One report of `kind` ("mri:en"...): the body in random order, as much of it as fits 1-3 KB. */
export function buildReport(kind, r) {
  const h = helpers(r);
  const { head, body, tail } = BUILDERS[kind](h);
  const order = h.shuffle(body);
  const lines = [];
  // UTF-8 size of head + lines + tail joined by newlines, kept as lines are added.
  let bytes = Buffer.byteLength([...head, ...tail].join('\n')) + 1;
  const target = MIN_BYTES + Math.floor(r() * (MAX_BYTES - MIN_BYTES) * 0.8);
  for (let pass = 0; pass < 3; pass++) {
    for (const line of pass ? h.shuffle(BUILDERS[kind](h).body) : order) {
      const add = Buffer.byteLength(line) + 1;
      if (bytes + add > MAX_BYTES - 16) break;
      lines.push(line);
      bytes += add;
      if (bytes >= target) break;
    }
    if (bytes >= MIN_BYTES) break;
  }
  return [...head, ...lines, ...tail].join('\n');
}

/** n reports, cycling through the kinds; ids and patients are synthetic. */
export function* generateReports(n, seed = 7) {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length];
    yield { id: `bench-${i}`, patient: `p-${Math.floor(i / 5)}`, text: buildReport(kind, r) };
  }
}
