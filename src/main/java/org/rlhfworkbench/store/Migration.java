package org.rlhfworkbench.store;

import java.util.List;

/** One step of the schema: applied in order, each inside the opening transaction. */
record Migration(int version, String description, List<String> statements) {
}
