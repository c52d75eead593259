// Runs once when the server starts, before it answers requests: the search index is loaded
// here, from the parts the seed wrote, so that no request waits behind loading it
// (docs/decisions/021-search-index-written-by-the-seed.md).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmSearchIndex } = await import("./lib/search/warm-search-index");
  try {
    await warmSearchIndex();
  } catch (error) {
    // no database yet, or one seeded before search index parts existed: requests say so, one by one
    console.warn(`Search index not loaded at start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
