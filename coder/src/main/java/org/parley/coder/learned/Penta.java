package org.parley.coder.learned;

import java.util.List;

/**
 * ConfliBERT's five-way event classes, the labels of the learned second opinion: 0 statement (CAMEO roots
 * 01-02), 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13, 16),
 * 4 material conflict (14-15, 17-20).
 */
public enum Penta {
    STATEMENT, VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT;

    public static final List<String> LABELS = List.of("statement", "verbal_cooperation", "material_cooperation",
            "verbal_conflict", "material_conflict");

    public String label() {
        return LABELS.get(ordinal());
    }

    public boolean cooperation() {
        return this == VERBAL_COOPERATION || this == MATERIAL_COOPERATION;
    }

    public boolean conflict() {
        return this == VERBAL_CONFLICT || this == MATERIAL_CONFLICT;
    }

    /** The class of a two-digit CAMEO root. */
    public static Penta ofRoot(int root) {
        if (root <= 2) {
            return STATEMENT;
        }
        if (root <= 5) {
            return VERBAL_COOPERATION;
        }
        if (root <= 8) {
            return MATERIAL_COOPERATION;
        }
        return root <= 13 || root == 16 ? VERBAL_CONFLICT : MATERIAL_CONFLICT;
    }
}
