package org.parley.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A coded actor: who acted or was acted upon.
 *
 * @param code ISO 3166-1 alpha-3 for a state; otherwise a documented code such as {@code EU}, {@code NATO},
 *             {@code UN} or {@code EUR} (Europe collectively). See docs/topics.md.
 * @param type what kind of actor the code names
 * @param role the actor's sector within its country or organisation (GOV, MIL, ...), or null when unknown
 * @param name canonical name of the actor (a country, organisation or person)
 * @param text the words in the sentence that mention it
 */
public record Actor(String code, ActorType type, String role, String name, String text) {
    /** CAMEO's code for an actor whose country the text does not give ("police", "insurgents"). */
    public static final String UNKNOWN_COUNTRY = "---";

    /** Whether the code names a definite actor (a state, an organisation) rather than one of unknown country. */
    @JsonIgnore
    public boolean isIdentified() {
        return !UNKNOWN_COUNTRY.equals(code);
    }

    public enum ActorType { STATE, IGO, REGION, NGO, GROUP, PERSON }
}
