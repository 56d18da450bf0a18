package io.latchkey.authserver.signup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.latchkey.store.account.EmailTakenException;
import io.latchkey.store.throttle.ThrottleUnavailable;
import io.latchkey.store.throttle.Throttled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-up page: the same rules and messages as {@code POST /api/auth/register}. */
@Controller
class SignupController {

    private final AccountRegistration registration;
    private final Validator validator;

    SignupController(AccountRegistration registration, Validator validator) {
        this.registration = registration;
        this.validator = validator;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUpForm("", "", null, null));
        model.addAttribute("errors", Map.of());
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String passwordConfirm,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        SignUpForm form = new SignUpForm(name, email, password, passwordConfirm);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ConstraintViolation<SignUpForm>> violations = this.validator.validate(form);
        violations.forEach(violation -> errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        if (!form.passwordsMatch()) {
            errors.putIfAbsent("passwordConfirm", "must match password");
        }
        if (errors.isEmpty()) {
            try {
                this.registration.register(form, request.getRemoteAddr());
                return this.registration.hidesExistingAccounts() ? "redirect:/login?signUpReceived" : "redirect:/login?signedUp";
            }
            catch (EmailTakenException taken) {
                errors.put("email", "is already in use");
            }
            catch (Throttled throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                errors.put("global", "Too many accounts were created from your network just now. Try again in a few minutes.");
            }
            catch (ThrottleUnavailable unavailable) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ThrottleUnavailable.RETRY_AFTER.toSeconds()));
                errors.put("global", "Sign-up is unavailable right now. Try again shortly.");
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "signup";
    }
}
