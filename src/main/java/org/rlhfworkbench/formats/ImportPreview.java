package org.rlhfworkbench.formats;

import java.util.List;

/**
 * What importing a file would do, read without writing anything.
 *
 * @param good  lines that parse into a record
 * @param bad   every line that does not, with file, line number and reason
 * @param first the first records, one line each ("prompt: ... | chosen: ... | rejected: ...")
 */
public record ImportPreview(int good, List<BadLine> bad, List<String> first) {
    public ImportPreview {
        bad = List.copyOf(bad);
        first = List.copyOf(first);
    }
}
