package org.rlhfworkbench.lm.tokenizer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure DJL never reaches the network. Online, DJL's tokenizer factory "calls home" (an HTTP
 * request to the EC2 metadata address and a telemetry endpoint) and, on a machine with CUDA,
 * downloads a CUDA build of the tokenizers library. {@code ai.djl.offline=true} (or the
 * environment variable DJL_OFFLINE=true, which wins over the property) turns both off; the CPU
 * library bundled in the tokenizers jar is used. The launcher should pass -Dai.djl.offline=true;
 * this is the safety net when it did not.
 */
final class DjlOffline {
    static final String PROPERTY = "ai.djl.offline";
    private static final Logger LOG = LoggerFactory.getLogger(DjlOffline.class);

    private DjlOffline() {
    }

    static synchronized void ensure() {
        String env = System.getenv("DJL_OFFLINE");
        if (env != null) {
            if (!Boolean.parseBoolean(env)) {
                LOG.warn("DJL_OFFLINE={} lets DJL use the network; set DJL_OFFLINE=true", env);
            }
            return;
        }
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY))) {
            LOG.info("setting {}=true so that DJL never downloads anything", PROPERTY);
            System.setProperty(PROPERTY, "true");
        }
    }
}
