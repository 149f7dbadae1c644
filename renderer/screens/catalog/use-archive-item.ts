import { describeError } from '../../i18n/describe-error';
import { useState } from 'react';
import { useCommand } from '../../hooks/use-command';

export type ArchiveAction = {
  toggle: (itemId: number, archived: boolean) => void;
  pending: boolean;
  /** The refusal for the item it concerns, so the row can show it. */
  errorFor: (itemId: number) => string | null;
};

/** Archives or restores an item; a refusal stays on the row that was tapped. */
export function useArchiveItem(): ArchiveAction {
  const command = useCommand('catalog.archiveItem');
  const [lastId, setLastId] = useState<number | null>(null);
  return {
    toggle: (itemId, archived) => {
      setLastId(itemId);
      void command.run({ itemId, archived });
    },
    pending: command.pending,
    errorFor: (itemId) => (itemId === lastId && command.error ? describeError(command.error) : null),
  };
}
