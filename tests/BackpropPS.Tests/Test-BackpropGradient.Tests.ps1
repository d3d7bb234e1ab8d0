# Test-BackpropGradient: correct gradients pass, and the checker catches a wrong one (the checker is tested, not only the happy path).
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:backprop = @($net | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99 | Get-BackpropParameter)
    function script:Test-Seed { param([hashtable] $Options = @{}) $net | Test-BackpropGradient -Input 0.05, 0.10 -Target 0.01, 0.99 @Options }
    # Backprop's gradients with one of them multiplied by $Factor, as rows with Name and Gradient.
    function script:Get-Perturbed([string] $Name, [double] $Factor) {
        $backprop | Select-Object Name, @{ Name = 'Gradient'; Expression = { if ($_.Name -eq $Name) { $_.Gradient * $Factor } else { $_.Gradient } } }
    }
}

Describe 'Test-BackpropGradient with correct gradients' {
    It 'passes every parameter of the seed network' {
        $results = @(Test-Seed)
        $results.Name | Should -Be w1_11, w1_12, w1_21, w1_22, b1, w2_11, w2_12, w2_21, w2_22, b2
        $results.Pass | Should -Not -Contain $false
        foreach ($r in $results) {
            $r.AbsoluteError | Should -BeLessThan 1e-9 -Because $r.Name
            Assert-Close $r.AbsoluteError ([math]::Abs($r.Analytic - $r.Numeric)) 0
        }
        Assert-Close ($results | Where-Object Name -eq w2_11).Analytic 0.082167040564 1e-12
    }

    It 'says $true with -Quiet' {
        Test-Seed @{ Quiet = $true } | Should -BeExactly $true
    }

    It 'passes a softmax network under cross-entropy on a batch' {
        $softmax = New-BackpropNetwork -LayerSize 3, 4, 3 -Activation Tanh, Softmax -Seed 9
        $softmax | Test-BackpropGradient -Input @(0.1, -0.5, 0.9), @(0.4, 0.3, -0.2) -Target @(0, 1, 0), @(1, 0, 0) -Loss CrossEntropy -Quiet |
            Should -BeExactly $true
    }

    It 'prints a table with the errors and Pass' {
        $text = Test-Seed | Out-String -Width 200
        $text | Should -Match 'Name +Analytic +Numeric +AbsoluteError +RelativeError +Pass'
        $text | Should -Match 'w2_11 +0\.0821670405642 '
    }
}

Describe 'Test-BackpropGradient with a deliberately wrong gradient' {
    It 'fails <Name> changed by a factor of <Factor>, and only it' -TestCases @(
        @{ Name = 'w1_11'; Factor = 1.001 }, @{ Name = 'w2_22'; Factor = 1.00001 }, @{ Name = 'b2'; Factor = -1 }
    ) {
        param($Name, $Factor)
        $results = @(Test-Seed @{ Analytic = (Get-Perturbed $Name $Factor) })
        $results.Count | Should -Be 10
        @($results | Where-Object { -not $_.Pass }).Name | Should -Be $Name
        Test-Seed @{ Analytic = (Get-Perturbed $Name $Factor); Quiet = $true } | Should -BeExactly $false
    }

    It 'passes the same rows unperturbed (so the failures above come from the perturbation)' {
        Test-Seed @{ Analytic = (Get-Perturbed 'w1_11' 1); Quiet = $true } | Should -BeExactly $true
    }

    It 'catches a hand derivation that forgot the sigmoid''s derivative' {
        # dE/dw2_11 = (yhat1 - y1) * yhat1 (1 - yhat1) * a_h1; leaving out the middle factor is a classic slip.
        $r = Test-Seed @{ Analytic = @{ w2_11 = 0.741365069552 * 0.593269992107 } }
        $r.Name | Should -Be 'w2_11'
        $r.Pass | Should -BeFalse
        $r.RelativeError | Should -BeGreaterThan 0.5
        (Test-Seed @{ Analytic = @{ w2_11 = 0.741365069552 * 0.186815601809 * 0.593269992107 } }).Pass | Should -BeTrue
    }

    It 'reads hand-written gradients from a CSV' {
        $path = Join-Path $TestDrive 'hand.csv'
        "Name,Gradient`nw2_11,0.082167040564`nb2,0.1" | Set-Content -LiteralPath $path
        $results = @(Test-Seed @{ Analytic = @(Import-Csv -LiteralPath $path) })
        ($results | Where-Object Name -eq w2_11).Pass | Should -BeTrue
        ($results | Where-Object Name -eq b2).Pass | Should -BeFalse
    }

    It 'follows -RelativeTolerance and -AbsoluteTolerance' {
        # With no absolute slack, the rounding in the hidden layer's small gradients (relative 1e-7) shows.
        $strict = @(Test-Seed @{ AbsoluteTolerance = 0; RelativeTolerance = 1e-9 })
        @($strict | Where-Object { -not $_.Pass }).Name | Should -Contain 'w1_12'
        (Test-Seed @{ Analytic = (Get-Perturbed 'w1_11' 1.001); RelativeTolerance = 1e-2; Quiet = $true }) | Should -BeExactly $true
    }
}

Describe 'Errors from Test-BackpropGradient' {
    It 'rejects an unknown parameter name' {
        $e = Get-ErrorRecord { Test-Seed @{ Analytic = @{ w9_99 = 1 } } } 'UnknownParameterName' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike "*'w9_99'*"
    }

    It 'rejects analytic rows without a Gradient' {
        Get-ErrorRecord { Test-Seed @{ Analytic = [pscustomobject]@{ Name = 'w1_11' } } } 'InvalidAnalyticGradient' 'InvalidArgument'
    }

    It 'rejects a parameter named twice' {
        $twice = [pscustomobject]@{ Name = 'b1'; Gradient = 1 }, [pscustomobject]@{ Name = 'b1'; Gradient = 2 }
        Get-ErrorRecord { Test-Seed @{ Analytic = $twice } } 'DuplicateParameterName' 'InvalidArgument'
    }

    It 'rejects a gradient that is not a number' {
        Get-ErrorRecord { Test-Seed @{ Analytic = @{ b1 = 'abc' } } } 'NonNumericArgument' 'InvalidArgument'
    }

    It 'rejects a negative tolerance and a zero step' {
        Get-ErrorRecord { Test-Seed @{ RelativeTolerance = -1 } } 'InvalidTolerance' 'InvalidArgument'
        Get-ErrorRecord { Test-Seed @{ StepSize = 0 } } 'InvalidStepSize' 'InvalidArgument'
    }

    It 'rejects a target of the wrong length' {
        Get-ErrorRecord { $net | Test-BackpropGradient -Input 0.05, 0.10 -Target 1 } 'TargetSizeMismatch' 'InvalidArgument'
    }
}
