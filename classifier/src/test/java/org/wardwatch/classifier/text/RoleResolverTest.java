package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleResolverTest {
    private final RecognizerRegistry registry = RecognizerRegistry.standard();
    private final RoleResolver resolver = new RoleResolver();

    private PersonRole.Role roleOf(String text, String name) {
        Caption c = new Caption(text);
        List<PersonRole> roles = resolver.resolve(c, registry.recognize(c));
        return roles.stream().filter(r -> r.name().text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no name '" + name + "' in " + roles)).role();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Congratulations to Staff Nurse Sarah Bennett on her promotion|Sarah Bennett",
            "Welcome to Dr Oliver Grant, our new Medical Director|Oliver Grant",
            "Happy retirement to Sister Joan Fletcher after 38 years of service on Ward 4|Joan Fletcher",
            "Well done to HCA Marcus Reid, our Employee of the Month|Marcus Reid",
            "Happy birthday to our brilliant housekeeper Pam, 60 today!|Pam",
            "Student nurse Ethan talks about his first placement on an acute ward|Ethan",
            "Priya Shah, our new OT, started on the rehab unit this week|Priya Shah",
            "Thanks to Mark Simpson from the estates team for fixing the ward fence|Mark Simpson",
            "Our Director of Nursing Julie Dawson visited the wards|Julie Dawson",
            "Goodbye to Emma who retires after 30 years with us|Emma",
            "Massive thanks to Becky, one of our amazing HCAs, for the ward garden|Becky"})
    void staffAreStaff(String text, String name) {
        assertThat(roleOf(text, name)).isEqualTo(PersonRole.Role.STAFF);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Happy 80th birthday to Doreen on Willow Ward|Doreen",
            "Well done to our patient Connor (22) for finishing his course|Connor",
            "Mum Jess and baby Freddie went home from the MBU today|Freddie",
            "Welcome back to Wayne who was readmitted at the weekend|Wayne",
            "Lewis has been with us on the PICU for three weeks|Lewis",
            "Well done to our patient Sam, who is also a keen nurse in the making|Sam",
            "Congratulations Abbie, 15, on your art exhibition from the inpatient unit|Abbie",
            "'The staff here saved my life' – Kevin, a former patient of the unit|Kevin"})
    void patientsArePatients(String text, String name) {
        assertThat(roleOf(text, name)).isEqualTo(PersonRole.Role.PATIENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Thank you to Jane for the lovely cakes|Jane"})
    void aNameWithNoCueIsUnknown(String text, String name) {
        assertThat(roleOf(text, name)).isEqualTo(PersonRole.Role.UNKNOWN);
    }
}
