// "Mood over time" at the top of the history: the emotion of each day (colour and emoji) for the last week or
// the whole span results are kept (both lengths from the server), the share of each emotion, and a one-line
// recap. Drawn as SVG from GET /api/history/summary; the SVG is decoration (aria-hidden), the same data is a
// table for screen readers.

import { api } from './api.js';
import { h } from './dom.js';
import { lang, percent, t } from './i18n.js';
import { EMOJI, EMOTIONS, EMOTION_COLORS, emotionName } from './emotions.js';

const SVG = 'http://www.w3.org/2000/svg';
const DAY_MS = 86_400_000;

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

/** "2026-12-02" → a Date at local noon of that day (noon: no DST edge moves it to another day). */
const dayDate = (iso) => new Date(`${iso}T12:00:00`);
const isoDay = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The last n days up to the summary's today, oldest first: { date, emotion | null, counts }. */
export function daysOf(summary, n) {
  const byDate = new Map((summary.daily || []).map((d) => [d.date, d]));
  const today = dayDate(summary.today);
  return Array.from({ length: n }, (_, i) => {
    const date = isoDay(new Date(today.getTime() - (n - 1 - i) * DAY_MS));
    const day = byDate.get(date);
    return { date, emotion: day ? day.emotion : null, counts: (day && day.counts) || {} };
  });
}

/** Each emotion's share of the analyses in these days, most frequent first (emotions never read are left out). */
export function sharesOf(days) {
  const totals = Object.fromEntries(EMOTIONS.map((e) => [e, 0]));
  for (const day of days) for (const [e, n] of Object.entries(day.counts)) if (e in totals) totals[e] += n;
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  return EMOTIONS.map((e) => ({ emotion: e, count: totals[e], share: all ? totals[e] / all : 0 }))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count);
}

const weekday = (iso) => new Intl.DateTimeFormat(lang(), { weekday: 'long' }).format(dayDate(iso));
const shortDay = (iso) => new Intl.DateTimeFormat(lang(), { weekday: 'narrow' }).format(dayDate(iso));
const longDate = (iso) => new Intl.DateTimeFormat(lang(), { weekday: 'short', month: 'short', day: 'numeric' }).format(dayDate(iso));

/** One line about the week in the page language: "Mostly happy this week, one sad Tuesday." */
export function recap(weekDays) {
  const shares = sharesOf(weekDays);
  if (!shares.length) return t('timeline.recapNone');
  const name = (e) => emotionName(e).toLowerCase();
  const days = weekDays.filter((d) => d.emotion);
  // One day is the whole week: no "mostly", and never that day again as the exception.
  if (days.length === 1) return t('timeline.recapOneDay', { emotion: name(days[0].emotion), day: weekday(days[0].date) });
  // Level at the top: a mix, not "mostly" whichever comes first in the list.
  if (shares.length > 1 && shares[1].count === shares[0].count) return t('timeline.recapMix', { first: name(shares[0].emotion), second: name(shares[1].emotion) });
  const top = shares[0].emotion;
  // A day coloured by another emotion, when it is the only day of that emotion this week.
  const others = weekDays.filter((d) => d.emotion && d.emotion !== top);
  const lone = others.find((d) => others.filter((o) => o.emotion === d.emotion).length === 1);
  const mostly = t('timeline.recapMostly', { emotion: name(top) });
  return lone ? t('timeline.recapWithDay', { mostly, emotion: name(lone.emotion), day: weekday(lone.date) }) : t('timeline.recapOnly', { mostly });
}

function chart(days) {
  const week = days.length <= 7;
  const cols = week ? days.length : 10;
  const cell = week ? 50 : 34;
  const gap = 4;
  const label = week ? 18 : 0;
  const rows = Math.ceil(days.length / cols);
  const width = cols * (cell + gap) - gap;
  const height = rows * (cell + gap + label) - gap;
  const drawn = days.map((day, i) => {
    const x = (i % cols) * (cell + gap);
    const y = Math.floor(i / cols) * (cell + gap + label);
    return svg(
      'g',
      { 'data-testid': 'timeline-day', 'data-date': day.date, 'data-emotion': day.emotion || '' },
      svg('rect', {
        x,
        y,
        width: cell,
        height: cell,
        rx: 8,
        fill: day.emotion ? EMOTION_COLORS[day.emotion] : 'none',
        stroke: day.emotion ? 'none' : 'currentColor',
        'stroke-opacity': 0.3,
        'stroke-dasharray': day.emotion ? null : '3 3',
      }),
      day.emotion ? svg('text', { x: x + cell / 2, y: y + cell / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': cell * 0.55 }, EMOJI[day.emotion]) : null,
      week ? svg('text', { x: x + cell / 2, y: y + cell + 14, 'text-anchor': 'middle', 'font-size': 12, fill: 'currentColor' }, shortDay(day.date)) : null,
    );
  });
  return svg('svg', { class: 'timeline-chart', viewBox: `0 0 ${width} ${height}`, width: '100%', 'aria-hidden': 'true', 'data-testid': 'timeline-chart' }, ...drawn);
}

function table(days) {
  return h(
    'table',
    { class: 'sr-only', dataset: { testid: 'timeline-table' } },
    h('caption', null, t('timeline.tableCaption', { days: days.length })),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('timeline.day')), h('th', { scope: 'col' }, t('timeline.mood')), h('th', { scope: 'col' }, t('timeline.analyses')))),
    h(
      'tbody',
      null,
      days.map((day) => {
        const n = Object.values(day.counts).reduce((a, b) => a + b, 0);
        return h('tr', null, h('th', { scope: 'row' }, longDate(day.date)), h('td', null, day.emotion ? emotionName(day.emotion) : t('timeline.noMood')), h('td', null, String(n)));
      }),
    ),
  );
}

function shareList(days) {
  const shares = sharesOf(days);
  return h(
    'ul',
    { class: 'timeline-shares', dataset: { testid: 'timeline-shares' }, 'aria-label': t('timeline.sharesLabel') },
    shares.map(({ emotion, share }) => {
      const fill = h('span', { class: 'bar-fill' });
      fill.style.width = `${share * 100}%`;
      fill.style.background = EMOTION_COLORS[emotion];
      return h(
        'li',
        { class: 'bar', dataset: { testid: 'timeline-share', emotion, share: share.toFixed(4) } },
        h('span', { class: 'bar-label' }, h('span', { 'aria-hidden': 'true' }, EMOJI[emotion], ' '), emotionName(emotion)),
        h('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill),
        h('span', { class: 'bar-value' }, percent(share)),
      );
    }),
  );
}

/** The timeline section: loads the summary (reload()) and draws it; the 7 / 30 switch keeps focus on itself. */
export class TimelineView {
  constructor(root) {
    this.root = root;
    this.summary = null;
    this.span = null;
    this.generation = 0;
  }

  async reload() {
    const gen = ++this.generation;
    this.root.setAttribute('aria-busy', 'true');
    try {
      const summary = await api.historySummary(-new Date().getTimezoneOffset());
      if (gen !== this.generation) return;
      this.summary = summary;
      this.span = this.span || summary.weekDays;
    } catch {
      if (gen !== this.generation) return;
      this.summary = null;
    }
    this.root.removeAttribute('aria-busy');
    this.render();
  }

  render(focusSpan = false) {
    const s = this.summary;
    this.root.hidden = !s || !(s.daily || []).length;
    if (this.root.hidden) {
      this.root.replaceChildren();
      return;
    }
    const days = daysOf(s, this.span);
    const spanButton = (n) =>
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          dataset: { testid: `timeline-span-${n}`, span: String(n) },
          'aria-pressed': String(this.span === n),
          onclick: () => {
            this.span = n;
            this.render(true);
          },
        },
        t('timeline.span', { days: n }),
      );
    this.root.replaceChildren(
      h('h3', { id: 'timeline-heading' }, t('timeline.heading')),
      h('p', { class: 'timeline-recap', dataset: { testid: 'timeline-recap' } }, recap(daysOf(s, s.weekDays))),
      h('div', { class: 'chips', role: 'group', 'aria-label': t('timeline.spanLabel') }, spanButton(s.weekDays), spanButton(s.days)),
      h('figure', { class: 'timeline-figure' }, chart(days), table(days)),
      shareList(days),
    );
    if (focusSpan) this.root.querySelector(`[data-span="${this.span}"]`)?.focus();
  }
}
