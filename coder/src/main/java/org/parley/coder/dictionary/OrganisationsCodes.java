package org.parley.coder.dictionary;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The code mapping of {@link OrganisationsImporter}: PETRARCH codes to Parley organisations, groups' roles, dates. */
final class OrganisationsCodes {

    /**
     * IGO/NGO codes to Parley organisation codes: the first key that the PETRARCH code contains after its
     * 3-letter class prefix wins, so a specialised agency ({@code IGOUNOIAE}) maps before the UN itself.
     */
    static final Map<String, String> ORG_OF_CODE = new LinkedHashMap<>();

    static {
        // specialised bodies with their own Parley code
        ORG_OF_CODE.put("IAE", "IAEA");
        ORG_OF_CODE.put("HLHWHO", "WHO");
        ORG_OF_CODE.put("REFHCR", "UNHCR");
        ORG_OF_CODE.put("WBK", "WB");
        ORG_OF_CODE.put("BUSIMF", "IMF");
        ORG_OF_CODE.put("BUSWTO", "WTO");
        ORG_OF_CODE.put("JUDICC", "ICC");
        ORG_OF_CODE.put("COPITP", "INTERPOL");
        ORG_OF_CODE.put("BUSOPC", "OPEC");
        ORG_OF_CODE.put("MEAARL", "ARL");
        ORG_OF_CODE.put("SEAASN", "ASEAN");
        ORG_OF_CODE.put("PGSGCC", "GCC");
        ORG_OF_CODE.put("WAFWAS", "ECOWAS");
        ORG_OF_CODE.put("WAFBUSWAS", "ECOWAS");
        ORG_OF_CODE.put("AFRAFU", "AU");
        ORG_OF_CODE.put("WSTNAT", "NATO");
        ORG_OF_CODE.put("EUREEC", "EU");
        // the rest of the UN system
        ORG_OF_CODE.put("UNO", "UN");
        // NGOs with a Parley code
        ORG_OF_CODE.put("HRIAMN", "AI");
        ORG_OF_CODE.put("HRIHRW", "HRW");
        ORG_OF_CODE.put("HLHMSF", "MSF");
    }

    /** Role parts of a group's code that are Parley roles as they are. */
    private static final Set<String> GROUP_ROLES = Set.of("REB", "OPP", "MIL", "GOV");
    /** Role parts that mean an armed non-state actor (as agents.txt maps them): REB. */
    private static final Set<String> ARMED = Set.of("UAF", "CRM", "RAD", "IMG");
    private OrganisationsCodes() {
    }

    /** The Parley organisation of an IGO or NGO code, or null. */
    static String orgOf(String code) {
        String rest = code.length() > 3 ? code.substring(3) : "";
        for (Map.Entry<String, String> e : ORG_OF_CODE.entrySet()) {
            if (rest.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The Parley role of a group code's parts after its home ("IRQREB" -> REB, "IMGMUSALQ" -> REB). */
    static String groupRole(String code) {
        for (int i = 3; i + 3 <= code.length(); i += 3) {
            String p = code.substring(i, i + 3);
            if (GROUP_ROLES.contains(p)) {
                return p;
            }
            if (ARMED.contains(p)) {
                return "REB";
            }
        }
        return "REB";
    }

    /** Whether a code outside IGO/NGO/MNC codes a non-state group (IMG..., or a home plus REB/OPP/RAD/UAF). */
    static boolean isGroupCode(String code, boolean milNonState) {
        if (code.startsWith("IMG") || milNonState && code.length() >= 3 && !code.equals("---")) {
            return true;
        }
        for (int i = 3; i + 3 <= code.length(); i += 3) {
            String p = code.substring(i, i + 3);
            if (p.equals("REB") || p.equals("OPP") || ARMED.contains(p)) {
                return true;
            }
        }
        return false;
    }
    /** yymmdd-yymmdd, >yymmdd, <yymmdd (6 or 8 digits) to [from, to); null when unreadable. */
    static LocalDate[] dates(String range) {
        try {
            if (range.startsWith(">")) {
                return new LocalDate[] {PetrarchImporter.date(range.substring(1)), null};
            }
            if (range.startsWith("<")) {
                return new LocalDate[] {null, PetrarchImporter.date(range.substring(1))};
            }
            String[] ft = range.split("-", 2);
            return new LocalDate[] {PetrarchImporter.date(ft[0]), PetrarchImporter.date(ft[1])};
        } catch (RuntimeException e) {
            return null;
        }
    }
}
