// Parses PromQL expressions with Prometheus' own lezer grammar and reports, for each, the syntax
// errors (offsets) and the metric names its selectors use. Input on stdin: a JSON array of
// expressions. Output on stdout: a JSON array of {"errors": [offset...], "metrics": [name...]}.
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';

const expressions = JSON.parse(readFileSync(0, 'utf8'));
const results = expressions.map((expression) => {
  const errors = [];
  const metrics = new Set();
  parser.parse(expression).iterate({
    enter(node) {
      if (node.type.isError) {
        errors.push(node.from);
      }
      if (node.name === 'Identifier' && node.node.parent && node.node.parent.name === 'VectorSelector') {
        metrics.add(expression.slice(node.from, node.to));
      }
    },
  });
  return { errors, metrics: [...metrics].sort() };
});
process.stdout.write(JSON.stringify(results));
