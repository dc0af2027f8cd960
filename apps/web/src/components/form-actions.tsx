import { Button } from "@kakunin/ui/button";
import { appCatalog } from "../app/i18n.ts";
import { useT } from "../lib/i18n/use-t.ts";

export interface FormActionsProps {
  /** The submit button's label, e.g. 変更確認, 注文確認. */
  submitLabel: string;
  /** Shows a secondary button beside the submit (e.g. キャンセル), which runs this. */
  onCancel?: (() => void) | undefined;
  /** Defaults to キャンセル (Cancel). */
  cancelLabel?: string;
  /**
   * One full-width submit (ログイン, パスワード変更): it stands alone, so not laid out as a
   * row of buttons; `loading` while the request runs.
   */
  block?: boolean;
  loading?: boolean;
}

/** A form's buttons under its fields, as every form lays them out. */
export function FormActions({ submitLabel, onCancel, cancelLabel, block, loading }: FormActionsProps) {
  const { t } = useT(appCatalog);
  if (block) {
    return (
      <div className="kk-form__actions">
        <Button type="submit" block loading={loading}>
          {submitLabel}
        </Button>
      </div>
    );
  }
  return (
    <div className="kk-form__actions kk-actions">
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          {cancelLabel ?? t("app.form.cancel")}
        </Button>
      )}
    </div>
  );
}
