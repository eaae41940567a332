import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { dropItem, type Listed, putItem } from '../../../lib/options/list';
import { relay } from '../../../lib/options/relay';
import type { CalendarDraft } from '../../../lib/options/sla/calendar-draft';
import type { ImportRequest } from '../../../lib/options/sla/holidays';
import { SlaCalendarRecord, type UpdateSlaCalendar } from '../../../lib/schema';
import { optionsKeys } from '../common/query-keys';
import { useListed } from '../common/use-listed';
import { useOptimistic } from '../common/use-optimistic';

const key = optionsKeys.slaCalendars;
type List = Listed<SlaCalendarRecord>;

/** Business calendars from the API, or the extension's synced copy when it cannot be reached. */
export const useCalendars = () =>
  useListed(key, '/v1/sla/calendars', z.array(SlaCalendarRecord), 'listSlaCalendars');

/** Puts the API's answer in the list at once, before the refetch confirms it. */
function usePut() {
  const client = useQueryClient();
  return (calendar: SlaCalendarRecord) =>
    client.setQueryData<List>(key, (list) => putItem(list, calendar));
}

export function useCreateCalendar() {
  const put = usePut();
  return useOptimistic({
    key,
    run: (draft: CalendarDraft) => relay('POST', '/v1/sla/calendars', SlaCalendarRecord, draft),
    onSuccess: put,
  });
}

type Update = {
  id: string;
  patch: z.input<typeof UpdateSlaCalendar>;
  /** The calendar as the list shows it until the API answers. */
  shown: SlaCalendarRecord;
};

export function useUpdateCalendar() {
  const put = usePut();
  return useOptimistic({
    key,
    run: ({ id, patch }: Update) =>
      relay('PATCH', `/v1/sla/calendars/${id}`, SlaCalendarRecord, patch),
    optimistic: (list: List | undefined, { shown }: Update) => putItem(list, shown),
    onSuccess: put,
  });
}

/** The import is merged by the API (it knows the rules); its answer is the calendar after. */
export function useImportHolidays(id: string) {
  const put = usePut();
  return useOptimistic({
    key,
    run: (request: ImportRequest) =>
      relay('POST', `/v1/sla/calendars/${id}/holidays/import`, SlaCalendarRecord, request),
    onSuccess: put,
  });
}

/** Not optimistic: a calendar a policy uses is refused (409) and the dialog shows which. */
export function useDeleteCalendar(id: string) {
  const client = useQueryClient();
  return useOptimistic({
    key,
    run: () => relay('DELETE', `/v1/sla/calendars/${id}`, z.null()),
    onSuccess: () => client.setQueryData<List>(key, (list) => dropItem(list, id)),
  });
}
