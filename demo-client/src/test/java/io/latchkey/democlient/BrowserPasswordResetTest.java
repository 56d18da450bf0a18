package io.latchkey.democlient;

import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forgotten password in Chromium, as a person meets it: "Forgot password?" on the sign-in
 * page, the mail read on the local profile's dev mailbox (what the embedded SMTP server
 * received), the link, a new password, and signing in with it; the old one and the link no more.
 */
class BrowserPasswordResetTest extends BrowserTest {

    private static final String OLD_PASSWORD = "an old password";
    private static final String NEW_PASSWORD = "a new password of mine";

    @Test
    void aPersonWhoForgotTheirPasswordSetsANewOneFromTheMailedLink() {
        String email = "forgetful-" + System.nanoTime() + "@example.com";
        String base = this.authServer.baseUrl();
        assertThat(new HttpBrowser(base).postJson("/api/auth/register", JsonBody.of("name", "Grace Hopper", "email", email,
                "password", OLD_PASSWORD, "passwordConfirm", OLD_PASSWORD)).statusCode()).isEqualTo(201);

        this.browser.get(base + "/login");
        click("forgot-password");
        this.wait.until(ExpectedConditions.urlContains("/forgot-password"));
        type("email", email);
        screenshot("forgot-password");
        click("send-reset-link");
        assertThat(text("reset-sent")).contains("on its way");

        this.browser.get(base + "/dev/mailbox");
        By link = By.xpath("//article[.//span[@class='mail-to' and contains(., '" + email + "')]]//ul[@class='mail-links']//a");
        this.wait.until(driver -> {
            driver.navigate().refresh();
            return !driver.findElements(link).isEmpty();
        });
        screenshot("mailbox");
        String resetLink = this.browser.findElement(link).getAttribute("href");
        this.browser.get(resetLink);
        type("password", NEW_PASSWORD);
        type("passwordConfirm", NEW_PASSWORD);
        screenshot("new-password");
        click("set-password");
        this.wait.until(ExpectedConditions.urlContains("/login?reset"));
        assertThat(text("login-reset")).contains("password is changed");

        type("username", email);
        type("password", OLD_PASSWORD);
        click("sign-in");
        assertThat(text("login-error")).contains("Invalid email or password");
        type("username", email);
        type("password", NEW_PASSWORD);
        click("sign-in");
        assertThat(text("signed-in-email")).isEqualTo(email);

        this.browser.get(resetLink);
        assertThat(text("invalid-link")).contains("invalid, used or expired");
        screenshot("used-link");
    }
}
