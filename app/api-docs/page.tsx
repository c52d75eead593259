import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { describeSchema, listOperations } from "@/lib/api/describe-openapi";
import { ScrollBox } from "../_components/scroll-box";

export const metadata: Metadata = { title: "API" };

// The API's reference, rendered on the server from the same OpenAPI document that
// /api/openapi.json serves (docs/decisions/012-api-docs-rendered-on-the-server.md).
export default function ApiDocsPage() {
  const document = buildOpenApiDocument();
  const operations = listOperations(document);
  return (
    <article className="api-docs">
      <h1>{document.info.title}</h1>
      <p>{document.info.description}</p>
      <p>
        Every page of the explorer shows the API address of the results it lists. The machine-readable description is the{" "}
        <a href="/api/openapi.json">OpenAPI {document.openapi} document</a>.
      </p>
      <nav aria-label="Endpoints">
        <ul>
          {operations.map((op) => (
            <li key={op.id}>
              <a href={`#${op.id}`}>
                <code>
                  {op.method} {op.path}
                </code>
              </a>
              : {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map((op) => (
        <section key={op.id} aria-labelledby={op.id} className="api-operation">
          <h2 id={op.id}>
            <code>
              {op.method} {op.path}
            </code>
          </h2>
          <p>{op.summary}</p>
          {op.description && <p>{withCode(op.description)}</p>}
          {op.example && (
            <p>
              Try it: <a href={op.example}>{op.example}</a>
            </p>
          )}
          {op.parameters.length > 0 && (
            <ScrollBox label={`Parameters of ${op.method} ${op.path}`}>
              <table className="api-params">
                <caption>Parameters</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">In</th>
                    <th scope="col">Accepts</th>
                    <th scope="col">Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`}>
                      <th scope="row">
                        <code>{p.name}</code>
                        {p.required && <span className="required"> (required)</span>}
                      </th>
                      <td>{p.in}</td>
                      <td>{describeSchema(p.schema)}</td>
                      <td>{p.description && withCode(p.description)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          <h3>Responses</h3>
          <dl className="api-responses">
            {op.responses.map((r) => (
              <div key={r.status}>
                <dt>
                  <code>{r.status}</code>
                </dt>
                <dd>{r.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </article>
  );
}

/** Markdown's `code` spans in the document's descriptions, as code. */
function withCode(text: string) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
