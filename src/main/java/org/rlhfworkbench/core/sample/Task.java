package org.rlhfworkbench.core.sample;

import java.util.List;

/**
 * One question of a family before it is dressed up as answers: the plain sentences that state
 * the right and a wrong answer, and the facts a judge checks.
 *
 * @param statement the right answer as a plain sentence, no courtesy ("7 plus 5 is 12.");
 *     for social families the whole polite reply
 * @param shortAnswer the right answer alone ("12.")
 * @param wrongStatement a wrong answer as a plain sentence
 * @param explanation a sentence of background that states no answer, for rambling replies
 */
record Task(TaskFamily family, String text, String statement, String shortAnswer, String wrongStatement,
            String explanation, List<String> accepted, List<String> distractors) {
}
