import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import {
  ConversationTimeline,
  type ReportClock,
  ReportConversationsPage,
  ReportFigures,
  ReportSummary,
  type SampledMetricId,
} from '../../../lib/schema';

/** Figures the page does not know yet (CSAT…) are kept, to be shown by their shape. */
const Summary = ReportSummary.extend({ figures: ReportFigures.loose() });

export const SAMPLES_PER_PAGE = 25;

const keys = {
  summary: (query: string) => ['options', 'reports', 'summary', query] as const,
  samples: (query: string, metric: string, offset: number) =>
    ['options', 'reports', 'samples', query, metric, offset] as const,
  timeline: (id: string, clock: ReportClock) =>
    ['options', 'reports', 'timeline', id, clock] as const,
};

/** Reports are read from the API only: the extension keeps no copy of them. */
export const useReportSummary = (query: string) =>
  useQuery({
    queryKey: keys.summary(query),
    queryFn: () => relay('GET', `/v1/reports/summary?${query}`, Summary),
    retry: shouldRetry,
    placeholderData: keepPreviousData,
  });

export const useReportSamples = (query: string, metric: SampledMetricId, offset: number) =>
  useQuery({
    queryKey: keys.samples(query, metric, offset),
    queryFn: () =>
      relay(
        'GET',
        `/v1/reports/conversations?${query}&metric=${metric}&limit=${SAMPLES_PER_PAGE}&offset=${offset}`,
        ReportConversationsPage,
      ),
    retry: shouldRetry,
    placeholderData: keepPreviousData,
  });

export const useConversationTimeline = (id: string, clock: ReportClock) =>
  useQuery({
    queryKey: keys.timeline(id, clock),
    queryFn: () =>
      relay(
        'GET',
        `/v1/reports/conversations/${encodeURIComponent(id)}?clock=${clock}`,
        ConversationTimeline,
      ),
    retry: shouldRetry,
  });

/** A `.csv` route's text, through the background like every other request. */
export const fetchCsv = (path: string) => relay('GET', path, z.string());
