// The page's emotion vocabulary: the seven emotions (the server's list, facts.js), an emoji and a colour for each,
// their names in the page language, and how the person feels as far as an analysis tells.

import { emotions } from './facts.js';
import { t } from './i18n.js';

export const EMOTIONS = emotions;
export const EMOJI = { angry: '😠', disgust: '🤢', fear: '😨', happy: '😄', sad: '😢', surprise: '😮', neutral: '😐' };
/** One colour per emotion, for the timeline and the share card (each readable with white text on it). */
export const EMOTION_COLORS = { angry: '#c62828', disgust: '#2e7d32', fear: '#6a1b9a', happy: '#d35400', sad: '#1565c0', surprise: '#00838f', neutral: '#5d5470' };

export function emotionName(emotion) {
  return EMOTIONS.includes(emotion) ? t(`emotion.${emotion}`) : String(emotion || '');
}

/** Whether the model was unsure: the server says so (for results stored before it did too). */
export function isUnsure(analysis) {
  return !!(analysis && analysis.result && analysis.result.unsure);
}

/** How the person feels as far as we know: their answer, else a sure reading; null while an unsure reading is unanswered. */
export function feelingOf(analysis, tracks = analysis && analysis.tracks) {
  if (tracks && tracks.answer) return tracks.answer;
  return isUnsure(analysis) ? null : ((analysis && analysis.result) || {}).emotion || null;
}
