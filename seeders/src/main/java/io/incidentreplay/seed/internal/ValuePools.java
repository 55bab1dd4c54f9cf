package io.incidentreplay.seed.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Small pools of realistic values, drawn once per seed from Datafaker ({@code Locale.ENGLISH}, a
 * {@code Random(seed)}) and kept as UTF-8 bytes. Rows then pick from the pools, which
 * is what makes seeding fast: Datafaker costs microseconds per call, a pool pick nanoseconds.
 *
 * <p>Immutable after construction. Pools are de-duplicated in first-seen order so the same seed
 * always gives the same pool.
 */
final class ValuePools {

    /** Pet types with their weights in percent (dogs and cats dominate, as in any pet app). */
    static final String[] PET_TYPES = {"dog", "cat", "bird", "rabbit", "fish", "horse"};
    static final int[] PET_TYPE_PERCENT = {48, 38, 5, 4, 3, 2};

    static final String[] RECORD_TYPES = {
        "vaccination", "checkup", "dental", "lab work", "surgery", "injury", "allergy", "parasite control"};

    private static final String[] VISIT_NOTES = {
        "Annual wellness exam, all normal", "Rabies booster given", "Mild ear infection, drops prescribed",
        "Teeth cleaned under anaesthesia", "Blood panel within range", "Limping on left hind leg",
        "Skin rash after new food", "Flea and tick treatment", "Weight check, diet adjusted",
        "Follow-up after surgery, healing well", "Vomiting for two days", "Microchip implanted",
        "Spay procedure, no complications", "Eye discharge, cleaned and checked", "Booster vaccines updated"};
    private static final String[] BIRD_BREEDS = {"Budgerigar", "Cockatiel", "Canary", "Lovebird", "African Grey"};
    private static final String[] RABBIT_BREEDS = {"Holland Lop", "Netherland Dwarf", "Mini Rex", "Lionhead"};
    private static final String[] FISH_BREEDS = {"Goldfish", "Betta", "Guppy", "Angelfish", "Neon Tetra"};
    private static final String[] AMOUNTS = {"2.5 mg", "5 mg", "10 mg", "25 mg", "50 mg", "0.5 ml", "1 ml", "1 tablet"};
    private static final String[] FREQUENCIES = {"once daily", "twice daily", "every 8 hours", "weekly", "as needed"};
    private static final String[] TASK_ACTIONS = {
        "Walk ", "Feed ", "Give medication to ", "Groom ", "Vet appointment for ", "Clean up after ",
        "Buy food for ", "Trim nails of ", "Play with ", "Brush teeth of "};
    private static final String[][] HOUSEHOLD_PATTERNS = {
        {"The ", " Family"}, {"", " Household"}, {"The ", "s"}, {"", " Family Pets"}};

    final byte[][] firstNames;
    final byte[][] lastNames;
    /** Lower-case ASCII letters of {@link #firstNames}, for email local parts. */
    final byte[][] firstNamesForEmail;
    final byte[][] lastNamesForEmail;
    final byte[][] emailDomains;
    final byte[][] zipCodes;
    final byte[][] cities;
    final byte[][] petNames;
    final byte[][] petTypes = utf8All(List.of(PET_TYPES));
    /** Breeds per entry of {@link #PET_TYPES}. */
    final byte[][][] breeds;
    final byte[][] recordTypes = utf8All(List.of(RECORD_TYPES));
    final byte[][] visitNotes = utf8All(List.of(VISIT_NOTES));
    final byte[][] drugNames;
    final byte[][] dosages;
    final byte[][] taskActions = utf8All(List.of(TASK_ACTIONS));
    final byte[][][] householdPatterns;

    ValuePools(long seed) {
        // ENGLISH, not US: the same US-style names, zips and cities, but Datafaker's first lookup in a
        // JVM took 2 s instead of 7 s on the 2-core machine (en-US resolves through more dictionaries).
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed));
        List<String> first = distinct(1_000, 5_000, () -> faker.name().firstName());
        List<String> last = distinct(1_000, 5_000, () -> faker.name().lastName());
        firstNames = utf8All(first);
        lastNames = utf8All(last);
        firstNamesForEmail = utf8All(first.stream().map(ValuePools::emailPart).toList());
        lastNamesForEmail = utf8All(last.stream().map(ValuePools::emailPart).toList());
        emailDomains = utf8All(distinct(20, 400, () -> domainOf(faker.internet().emailAddress())));
        zipCodes = utf8All(distinct(2_000, 10_000, () -> faker.address().zipCode().substring(0, 5)));
        cities = utf8All(distinct(500, 3_000, () -> faker.address().city()));
        petNames = utf8All(distinct(2_000, 20_000, () -> switch (faker.random().nextInt(3)) {
            case 0 -> faker.dog().name();
            case 1 -> faker.cat().name();
            default -> faker.name().firstName();
        }));
        breeds = new byte[][][] {
            utf8All(distinct(200, 2_000, () -> faker.dog().breed())),
            utf8All(distinct(60, 1_000, () -> faker.cat().breed())),
            utf8All(List.of(BIRD_BREEDS)),
            utf8All(List.of(RABBIT_BREEDS)),
            utf8All(List.of(FISH_BREEDS)),
            utf8All(distinct(40, 1_000, () -> faker.horse().breed()))
        };
        drugNames = utf8All(distinct(300, 3_000, () -> faker.medication().drugName()));
        List<String> doses = new ArrayList<>();
        for (String amount : AMOUNTS) {
            for (String frequency : FREQUENCIES) {
                doses.add(amount + " " + frequency);
            }
        }
        dosages = utf8All(doses);
        householdPatterns = new byte[HOUSEHOLD_PATTERNS.length][][];
        for (int i = 0; i < HOUSEHOLD_PATTERNS.length; i++) {
            householdPatterns[i] = utf8All(List.of(HOUSEHOLD_PATTERNS[i]));
        }
    }

    /** Up to {@code size} distinct values, giving up after {@code attempts} calls (small source lists). */
    private static List<String> distinct(int size, int attempts, Supplier<String> source) {
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < attempts && values.size() < size; i++) {
            values.add(source.get());
        }
        return List.copyOf(values);
    }

    private static String emailPart(String name) {
        String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return letters.isEmpty() ? "user" : letters;
    }

    private static String domainOf(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    private static byte[][] utf8All(List<String> values) {
        byte[][] encoded = new byte[values.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = CopyRowWriter.utf8(values.get(i));
        }
        return encoded;
    }
}
