# The numeric-parameter rule, over every numeric parameter of every cmdlet at once, so that the next cmdlet cannot
# forget it: text is read as an invariant-culture decimal ('1,0' is refused, never read as 10), and a whole-number
# parameter refuses a fraction, given as 2.5 or as '2.5' (never rounded to 2 or 3).
BeforeDiscovery {
    Import-Module BackpropPS -Force
    $whole = [int], [long], [short], [byte]
    $real = [double], [single], [decimal]
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $script:numeric = @(foreach ($command in Get-Command -Module BackpropPS -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values | Where-Object Name -NotIn $common) {
                $type = $parameter.ParameterType
                if ($type.IsArray) { $type = $type.GetElementType() }
                if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
                if ($type -in $whole + $real) {
                    @{ Command = $command.Name; Name = $parameter.Name; Whole = $type -in $whole; IsArray = $parameter.ParameterType.IsArray }
                }
            }
        })
}

BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    # Binds one argument to the parameter alone: a binding error comes before any other parameter is missed.
    function script:Get-BindingError([string] $Command, [string] $Name, $Value) {
        $arguments = @{ $Name = $Value }
        try { & $Command @arguments -ErrorAction Stop | Out-Null } catch { return $_ }
        $null
    }
}

Describe 'The rule is found on every numeric parameter' {
    It 'finds the numeric parameters of the cmdlets (more than 70 of them)' {
        $numeric.Count | Should -BeGreaterThan 70
    }
}

Describe '<Command> -<Name>' -ForEach $numeric {
    It 'carries the rule: [WholeNumber] on a whole number, [DecimalNumber] on a real one' {
        $attributes = (Get-Command $Command).Parameters[$Name].Attributes | ForEach-Object { $_.GetType().Name }
        $expected = if ($Whole) { 'WholeNumberAttribute' } else { 'DecimalNumberAttribute' }
        $attributes | Should -Contain $expected
    }

    It "refuses '1,0' as text, with the rule in the message" {
        $value = if ($IsArray) { , @('1,0') } else { '1,0' }
        $e = Get-BindingError $Command $Name $value
        $e | Should -Not -BeNullOrEmpty
        $e.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
        $e.Exception.Message | Should -BeLike "*Expected a*number*; got '1,0'. Numbers are read with '.' as the decimal separator*"
        $e.Exception.Message | Should -Not -BeLike '*System.*'
    }

}

Describe '<Command> -<Name>, a whole number' -ForEach @($numeric | Where-Object { $_.Whole }) {
    It 'refuses a fraction given as a number and as text' {
        foreach ($fraction in 2.5, '2.5') {
            $e = Get-BindingError $Command $Name $fraction
            $e.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
            $e.Exception.Message | Should -BeLike '*Expected a whole number, without a fraction; got*2.5*'
        }
    }
}

Describe 'What the rule lets through' {
    It 'reads invariant text and whole doubles as the numbers they are' {
        $net = New-BackpropNetwork -Example StepByStep
        $step = $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate '0.5'
        $step.LearningRate | Should -Be 0.5
        (New-BackpropNetwork -LayerSize '2', 3.0, 1 -Seed '7').Shape | Should -Be '2-3-1'
    }

    It 'refuses a whole number too large for the parameter, saying the range' {
        $e = Get-BindingError 'New-BackpropNetwork' 'Seed' 1e10
        $e.Exception.Message | Should -BeLike '*Expected a whole number from -2,147,483,648 to 2,147,483,647; got 10000000000*'
    }

    It 'refuses $true, which PowerShell would cast to 1' {
        $e = Get-BindingError 'Get-BackpropDataset' 'Count' $true
        $e.Exception.Message | Should -BeLike '*Expected a whole number; got $true.*'
    }
}
