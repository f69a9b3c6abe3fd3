package org.rlhfworkbench.lm.tokenizer;

import java.nio.file.Path;

/**
 * Refuses to feed one model's token ids to another whose tokenizer differs (a reward model or
 * reference trained from another base): the ids would mean other words, silently.
 */
public final class SameTokenizer {
    private SameTokenizer() {
    }

    /**
     * @param role what {@code other} is, e.g. "reward model", for the message
     * @throws IllegalArgumentException naming both folders and the first difference
     */
    public static void require(TextTokenizer policy, Path policyFolder, TextTokenizer other, Path otherFolder,
                               String role) {
        if (policy.vocabSize() != other.vocabSize()) {
            throw new IllegalArgumentException(difference(policyFolder, otherFolder, role, "its vocabulary has "
                    + other.vocabSize() + " tokens, the policy's " + policy.vocabSize()));
        }
        if (policy.vocabularyFingerprint().equals(other.vocabularyFingerprint())) {
            return;
        }
        for (int id = 0; id < policy.vocabSize(); id++) {
            if (!policy.token(id).equals(other.token(id)) || policy.isSpecial(id) != other.isSpecial(id)) {
                throw new IllegalArgumentException(difference(policyFolder, otherFolder, role, "token " + id + " is '"
                        + other.token(id) + "' there and '" + policy.token(id) + "' in the policy's"));
            }
        }
    }

    private static String difference(Path policyFolder, Path otherFolder, String role, String what) {
        return "the " + role + " in " + otherFolder + " has a different tokenizer from the policy in " + policyFolder
                + " (" + what + "); its scores of the policy's token ids would be meaningless: use a " + role
                + " trained from the same base model";
    }
}
