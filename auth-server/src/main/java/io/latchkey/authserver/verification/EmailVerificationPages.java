package io.latchkey.authserver.verification;

import io.latchkey.store.throttle.ThrottleUnavailable;
import io.latchkey.store.throttle.Throttled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mailed link opens a page with one button, which confirms: a mail scanner that fetches the
 * link confirms nothing. The sign-in page offers a new link to an unconfirmed account.
 */
@Controller
class EmailVerificationPages {

    private final EmailVerifications verifications;
    private final Validator validator;

    EmailVerificationPages(EmailVerifications verifications, Validator validator) {
        this.verifications = verifications;
        this.validator = validator;
    }

    @GetMapping("/verify-email")
    String confirmationPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        boolean usable = !token.isEmpty() && token.length() <= 128 && this.verifications.isUsable(token);
        if (!usable) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("token", usable ? token : "");
        model.addAttribute("invalidLink", !usable);
        return "verify-email";
    }

    @PostMapping("/verify-email")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        try {
            if (!token.isEmpty() && token.length() <= 128) {
                this.verifications.confirm(token);
                return "redirect:/login?verified";
            }
        }
        catch (InvalidConfirmationLinkException invalid) {
            // the page below says so
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("token", "");
        model.addAttribute("invalidLink", true);
        return "verify-email";
    }

    /** From the sign-in page, after a sign-in refused for an unconfirmed address. */
    @PostMapping("/verify-email/resend")
    String resend(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response) {
        EmailVerificationRequests.Resend resend = new EmailVerificationRequests.Resend(email);
        if (!this.validator.validate(resend).isEmpty()) {
            return "redirect:/login?unverified";
        }
        try {
            this.verifications.resend(resend.email(), request.getRemoteAddr());
            return "redirect:/login?resent";
        }
        catch (Throttled throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            return "redirect:/login?throttled";
        }
        catch (ThrottleUnavailable | DataAccessException unavailable) {
            return "redirect:/login?unavailable";
        }
    }
}
