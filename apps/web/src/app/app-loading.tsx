/** Shown while the first route's code and data load. */
export function AppLoading() {
  return (
    <p className="kk-loading" role="status">
      読み込み中…
    </p>
  );
}
