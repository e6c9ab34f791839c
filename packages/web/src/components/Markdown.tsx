/**
 * Markdown from workflows (a run's `result.message`, a notification's description) rendered as
 * sanitized HTML: workflow output is data, never trusted markup. Links open in a new tab.
 */
import { Box } from '@mui/material';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/** The sanitized HTML of `source`. */
export function markdownToHtml(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
  return clean.replace(/<a (?![^>]*target=)/g, '<a target="_blank" rel="noopener noreferrer" ');
}

export function Markdown({ source }: { source: string }) {
  const html = useMemo(() => markdownToHtml(source), [source]);
  return <Box className="markdown" sx={{ '& p': { my: 0.5 }, '& a': { color: 'primary.main' }, wordBreak: 'break-word' }} dangerouslySetInnerHTML={{ __html: html }} />;
}
