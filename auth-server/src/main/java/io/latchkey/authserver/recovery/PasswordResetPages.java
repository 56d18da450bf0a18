package io.latchkey.authserver.recovery;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * The pages of a forgotten password: "Forgot password?" asks for the address, the mailed link
 * opens the new-password page. The same rules and answers as the JSON API.
 */
@Controller
class PasswordResetPages {

    private static final String UNAVAILABLE = "Password reset is unavailable right now. Try again shortly.";

    private final PasswordResets resets;
    private final Validator validator;

    PasswordResetPages(PasswordResets resets, Validator validator) {
        this.resets = resets;
        this.validator = validator;
    }

    @GetMapping("/forgot-password")
    String forgotPassword(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("errors", Map.of());
        return "forgot-password";
    }

    @PostMapping("/forgot-password")
    String requestReset(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        PasswordResetRequests.Start start = new PasswordResetRequests.Start(email);
        Map<String, String> errors = new LinkedHashMap<>();
        this.validator.validate(start).forEach(violation -> errors.putIfAbsent("email", violation.getMessage()));
        if (errors.isEmpty()) {
            try {
                this.resets.request(start.email(), request.getRemoteAddr());
                return "redirect:/forgot-password?sent";
            }
            catch (Throttled throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                errors.put("global", "Too many reset requests just now. Try again in a few minutes.");
            }
            catch (ThrottleUnavailable | DataAccessException unavailable) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                errors.put("global", UNAVAILABLE);
            }
        }
        model.addAttribute("email", start.email() == null ? "" : start.email());
        model.addAttribute("errors", errors);
        return "forgot-password";
    }

    @GetMapping("/reset-password")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        boolean usable = !token.isEmpty() && token.length() <= 128 && this.resets.isUsable(token);
        if (!usable) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("token", usable ? token : "");
        model.addAttribute("invalidLink", !usable);
        model.addAttribute("errors", Map.of());
        return "reset-password";
    }

    @PostMapping("/reset-password")
    String setNewPassword(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirm, Model model, HttpServletResponse response) {
        PasswordResetRequests.Confirm confirm = new PasswordResetRequests.Confirm(token, password);
        Map<String, String> errors = new LinkedHashMap<>();
        this.validator.validate(confirm).forEach(violation -> errors.putIfAbsent(violation.getPropertyPath().toString(),
                violation.getMessage()));
        if (!password.equals(passwordConfirm)) {
            errors.putIfAbsent("passwordConfirm", "must match password");
        }
        boolean invalidLink = errors.containsKey("token");
        if (errors.isEmpty()) {
            try {
                this.resets.complete(token, password);
                return "redirect:/login?reset";
            }
            catch (InvalidResetLinkException invalid) {
                invalidLink = true;
            }
            catch (DataAccessException unavailable) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                errors.put("global", UNAVAILABLE);
            }
        }
        if (invalidLink) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        else if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("token", invalidLink ? "" : token);
        model.addAttribute("invalidLink", invalidLink);
        model.addAttribute("errors", errors);
        return "reset-password";
    }
}
