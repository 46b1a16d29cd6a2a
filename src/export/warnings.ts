/** A note an export makes about something it could not carry as is (never report text). */
export interface ExportWarning {
  code: string;
  /** The report (or patient) id concerned, when there is one. */
  id?: string | null;
  message: string;
}
