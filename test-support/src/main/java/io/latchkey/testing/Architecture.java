package io.latchkey.testing;

import java.util.Arrays;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every module keeps, checked on its compiled main classes: no two packages
 * that use each other, directly or round a circle, and no use of a module that is not
 * below it. Each module's {@code ArchitectureTest} calls {@link #check(Module)} for itself.
 */
public final class Architecture {

    /** Latchkey's modules, each with its base package and the modules it may use. */
    public enum Module {
        EMBEDDED_STORES("io.latchkey.embedded"),
        STORE("io.latchkey.store"),
        ACCESS_LOG("io.latchkey.accesslog"),
        API_SUPPORT("io.latchkey.api", STORE),
        TEST_SUPPORT("io.latchkey.testing"),
        AUTH_SERVER("io.latchkey.authserver", STORE, EMBEDDED_STORES, ACCESS_LOG, API_SUPPORT),
        RESOURCE_API("io.latchkey.resourceapi", STORE, EMBEDDED_STORES, ACCESS_LOG, API_SUPPORT),
        DEMO_CLIENT("io.latchkey.democlient", ACCESS_LOG),
        BENCH("io.latchkey.bench", STORE, EMBEDDED_STORES, TEST_SUPPORT);

        private final String basePackage;
        private final Set<Module> uses;

        Module(String basePackage, Module... uses) {
            this.basePackage = basePackage;
            this.uses = Set.of(uses);
        }

        public String basePackage() {
            return this.basePackage;
        }

        String[] forbiddenPackages() {
            return Arrays.stream(values()).filter(other -> other != this && !this.uses.contains(other))
                    .map(other -> other.basePackage + "..").toArray(String[]::new);
        }
    }

    private Architecture() {
    }

    /** Fails, naming every offending dependency, when {@code module} breaks either rule. */
    public static void check(Module module) {
        check(module, new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(module.basePackage()));
    }

    static void check(Module module, JavaClasses classes) {
        slices().assignedFrom(packagesOf(module.basePackage())).should().beFreeOfCycles().check(classes);
        noClasses().that().resideInAPackage(module.basePackage() + "..")
                .should().dependOnClassesThat().resideInAnyPackage(module.forbiddenPackages())
                .allowEmptyShould(true).check(classes);
    }

    /** Every package is a slice of its own, the base package included. */
    private static SliceAssignment packagesOf(String basePackage) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(basePackage) || name.startsWith(basePackage + ".")) {
                    return SliceIdentifier.of(name);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + basePackage;
            }
        };
    }
}
